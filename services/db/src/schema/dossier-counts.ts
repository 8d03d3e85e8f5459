import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.js';
import { procedures } from './procedures.js';
import { tenants } from './tenants.js';

/** The counted facts, the same in every summary the `dossiers_count` trigger keeps. */
export const dossierFactCounts = () => ({
  receivedOnline: integer().notNull().default(0),
  receivedOther: integer().notNull().default(0),
  resolvedEarly: integer().notNull().default(0),
  resolvedOnTime: integer().notNull().default(0),
  resolvedLate: integer().notNull().default(0),
  endedWithoutResult: integer().notNull().default(0),
  endedOverdue: integer().notNull().default(0),
});

/**
 * What happened to dossiers, counted per province, receiving unit, procedure and Vietnam civil day
 * (`span` 'day'), and again per month (`span` 'month', `day` the month's first day): received
 * (online or not), closed with a result early, on time or late, closed without one (and whether
 * overdue then). Written only by the `dossiers_count` trigger (migration 0059), in the transaction
 * that changes the dossier, so it always equals a count of the dossiers themselves; the periodic
 * reports add up its days and months (docs/reports/speed.md).
 */
export const dossierCounts = pgTable(
  'dossier_counts',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    span: text({ enum: ['day', 'month'] }).notNull(),
    day: date({ mode: 'string' }).notNull(),
    unitId: uuid().notNull(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id),
    /** Counts of a province's copies of dossiers handed over from another province. */
    handedIn: boolean().notNull(),
    ...dossierFactCounts(),
  },
  (t) => [
    primaryKey({ name: 'dossier_counts_pk', columns: [t.tenantId, t.span, t.day, t.unitId, t.procedureId, t.handedIn] }),
    foreignKey({ name: 'dossier_counts_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    check('dossier_counts_span_check', sql`${t.span} in ('day', 'month')`),
    index('dossier_counts_span_day_idx').on(t.span, t.day),
  ],
);
