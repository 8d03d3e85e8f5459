import { sql } from 'drizzle-orm';
import { check, foreignKey, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
