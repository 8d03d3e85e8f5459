import { boolean, date, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core';
import { dossierFactCounts } from './dossier-counts.js';
import { tenants } from './tenants.js';

/**
 * The facts of dossier_counts per province and month without the unit and procedure, for the
 * ministry's summary of every province (docs/reports/speed.md), striped by dossier (`stripe`, 0–15)
 * so concurrent changes of one province's dossiers rarely wait on the same row. Written only by the
 * `dossiers_count` trigger (migration 0066), in the transaction that changes the dossier.
 */
export const dossierProvinceMonths = pgTable(
  'dossier_province_months',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    /** The month's first day. */
    month: date({ mode: 'string' }).notNull(),
    handedIn: boolean().notNull(),
    stripe: smallint().notNull(),
    ...dossierFactCounts(),
  },
  (t) => [primaryKey({ name: 'dossier_province_months_pk', columns: [t.tenantId, t.month, t.handedIn, t.stripe] })],
);
