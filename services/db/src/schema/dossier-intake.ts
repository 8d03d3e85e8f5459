import { date, foreignKey, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org-units.js';
import { tenants } from './tenants.js';

/**
 * Daily dossier number per receiving unit (the NNNN of `<unit>-<YYMMDD>-<NNNN>`, Circular
 * 01/2018 Art. 19). Incremented with an upsert in the same transaction as the dossier insert:
 * the row lock serialises concurrent intakes and a rolled-back intake rolls its number back,
 * so the sequence is unique and gap-free.
 */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    unitId: uuid().notNull(),
    day: date().notNull(),
    lastNumber: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.unitId, t.day] }),
    foreignKey({ name: 'dossier_code_counters_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

/**
 * Idempotency-Key of a submission: a retried request finds the dossier the first one made.
 * `scope` is the actor (user id) so one person's key cannot collide with another's.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    response: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope, t.key] })],
);
