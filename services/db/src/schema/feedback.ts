import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { orgUnits } from './org-units.js';
import { users } from './users.js';

export const feedbackSubject = pgEnum('feedback_subject', ['dossier', 'unit', 'procedure']);
export const feedbackStatus = pgEnum('feedback_status', ['open', 'answered', 'escalated']);

/**
 * Feedback and complaints (phản ánh, kiến nghị) about a dossier, a unit or a procedure: the
 * responsible unit answers within 5 working days of receipt on the province's calendar
 * (docs/domain/feedback-and-reports.md), hence `dueAt`. The author is a citizen account or a name
 * with a phone or an email; those contacts only ever go to the author's answer
 * (migrations/*_replace-feedback-with-feedback-items.sql).
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    ...tenantColumns(),
    subject: feedbackSubject().notNull(),
    dossierId: uuid(),
    procedureCode: text(),
    unitId: uuid().notNull(),
    authorUserId: uuid().references(() => users.id),
    contactName: text(),
    contactPhone: text(),
    contactEmail: text(),
    content: text().notNull(),
    publishConsent: boolean().notNull().default(false),
    status: feedbackStatus().notNull().default('open'),
    receivedAt: createdAt(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    answer: text(),
    answeredBy: uuid().references(() => users.id),
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'feedback_items_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    foreignKey({ name: 'feedback_items_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('feedback_items_unit_status_idx').on(t.tenantId, t.unitId, t.status, t.receivedAt),
    index('feedback_items_received_idx').on(t.tenantId, t.receivedAt),
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
