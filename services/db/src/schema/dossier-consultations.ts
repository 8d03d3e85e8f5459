import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * Lấy ý kiến: one unit's request for an opinion at a process step (docs/domain/consultations.md).
 * A request to a unit of another province is kept twice, once in each province under the
 * ordinary tenant policy with the same id, written together by the workflow's projection; the
 * consulted copy holds only what its officers need to answer. 0067 in migrations/ explains it.
 */
export const dossierConsultations = pgTable(
  'dossier_consultations',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull(),
    askingTenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    consultedTenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    dossierId: uuid().notNull(),
    dossierCode: text().notNull(),
    procedureCode: text().notNull(),
    workflowId: text().notNull(),
    stepKey: text().notNull(),
    stepName: text().notNull(),
    question: text(),
    askingUnitId: uuid().notNull(),
    consultedUnitId: uuid().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    answer: text(),
    answeredBy: uuid().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    overdueAt: timestamp({ withTimezone: true }),
    late: boolean().generatedAlwaysAs(sql`coalesce("answered_at" > "due_at", "overdue_at" IS NOT NULL)`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('dossier_consultations_copy_check', sql`${t.tenantId} in (${t.askingTenantId}, ${t.consultedTenantId})`),
    check('dossier_consultations_answer_check', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    index('dossier_consultations_dossier_idx').on(t.tenantId, t.dossierId, t.requestedAt),
    index('dossier_consultations_consulted_idx')
      .on(t.tenantId, t.consultedUnitId, t.dueAt)
      .where(sql`${t.answeredAt} is null`),
    index('dossier_consultations_late_idx')
      .on(t.tenantId, t.askingUnitId, t.dueAt)
      .where(sql`${t.late}`),
  ],
);
