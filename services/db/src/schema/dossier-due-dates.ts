import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';

/**
 * Each change of a dossier's due date, from `effectiveAt` on: a closed period's report judges
 * overdue against the due date as it stood at the period's end (docs/domain/report-rules.md).
 * The dossier workflow's projection adds a row when the due date it writes differs; `eventKey`
 * is the transition's, so a replay adds nothing. Append-only for the app.
 */
export const dossierDueDates = pgTable(
  'dossier_due_dates',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    dueAt: timestamp({ withTimezone: true }),
    effectiveAt: timestamp({ withTimezone: true }).notNull(),
    eventKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('dossier_due_dates_event_key').on(t.tenantId, t.dossierId, t.eventKey),
    foreignKey({ name: 'dossier_due_dates_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    index('dossier_due_dates_lookup_idx').on(t.tenantId, t.dossierId, t.effectiveAt),
    index('dossier_due_dates_effective_idx').on(t.tenantId, t.effectiveAt),
  ],
);
