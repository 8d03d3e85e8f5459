import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { orgUnits } from './org-units.js';

export const feedbackChannel = pgEnum('feedback_channel', ['online_form', 'email', 'phone', 'in_writing', 'qa']);

/**
 * Feedback and complaints (phản ánh, kiến nghị): the responsible unit answers within 5 working
 * days (docs/domain/feedback-and-reports.md), hence `dueAt` from the working-time calendar.
 */
export const feedback = pgTable(
  'feedback',
  {
    ...tenantColumns(),
    dossierId: uuid(),
    orgUnitId: uuid().notNull(),
    channel: feedbackChannel().notNull(),
    senderName: text(),
    content: text().notNull(),
    submittedAt: createdAt(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'feedback_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    foreignKey({ name: 'feedback_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

/** Satisfaction survey after the result (docs/domain/feedback-and-reports.md), 1 (very dissatisfied) to 5. */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    score: smallint().notNull(),
    comment: text(),
    ratedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'satisfaction_ratings_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    check('satisfaction_ratings_score_check', sql`${t.score} between 1 and 5`),
  ],
);

/**
 * The satisfaction survey after a returned result (docs/domain/feedback-and-reports.md): one per
 * dossier, four criteria of the service index rated 1 to 5. No user id, so a row says nothing of
 * who answered beyond the dossier; the receiving unit and procedure code are copied for the
 * aggregates. The app may only add and read (migrations/*_create-satisfaction-surveys.sql).
 */
export const satisfactionSurveys = pgTable(
  'satisfaction_surveys',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    unitId: uuid().notNull(),
    procedureCode: text().notNull(),
    attitude: smallint().notNull(),
    timeliness: smallint().notNull(),
    clarity: smallint().notNull(),
    overall: smallint().notNull(),
    comment: text(),
    submittedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('satisfaction_surveys_dossier_key').on(t.tenantId, t.dossierId),
    foreignKey({ name: 'satisfaction_surveys_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    foreignKey({ name: 'satisfaction_surveys_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('satisfaction_surveys_submitted_idx').on(t.tenantId, t.submittedAt),
    check('satisfaction_surveys_attitude_check', sql`${t.attitude} between 1 and 5`),
    check('satisfaction_surveys_timeliness_check', sql`${t.timeliness} between 1 and 5`),
    check('satisfaction_surveys_clarity_check', sql`${t.clarity} between 1 and 5`),
    check('satisfaction_surveys_overall_check', sql`${t.overall} between 1 and 5`),
    check('satisfaction_surveys_comment_check', sql`char_length(${t.comment}) <= 1000`),
  ],
);
