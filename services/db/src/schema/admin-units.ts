import { pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';

/** Commune-level units since 1 July 2025: xã, phường, đặc khu (no district level any more). */
export const adminUnitKind = pgEnum('admin_unit_kind', ['commune', 'ward', 'special_zone']);

/**
 * National reference geography: readable by every tenant (citizens pick where to file), written
 * only by the owner role through the seed or an official import. The official code is nullable
 * because the public list we seed from has none yet (Decision 19/2025/QĐ-TTg publishes them).
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    officialCode: text().unique('admin_units_official_code_key'),
    name: text().notNull(),
    fullName: text().notNull(),
    kind: adminUnitKind().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('admin_units_tenant_full_name_key').on(t.tenantId, t.fullName)],
);
