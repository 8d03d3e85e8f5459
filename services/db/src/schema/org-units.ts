import { sql } from 'drizzle-orm';
import { revision } from './revision.js';
import { boolean, foreignKey, index, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { adminUnits } from './admin-units.js';
import { createdAt, searchColumn, tenantColumns } from './columns.js';

/** Departments (Sở), offices, public administration service centres, commune one-stop units, schools. */
export const orgUnitKind = pgEnum('org_unit_kind', ['people_committee', 'department', 'office', 'service_centre', 'commune_one_stop', 'school', 'other']);

/**
 * The organisation tree of one province. `path` lists the ids from the root down to this unit,
 * so a subtree (for unit admins and role scopes) is `path @> array[root]`. `code` is the unit
 * code that starts every dossier code it receives (Circular 01/2018 Art. 19).
 */
export const orgUnits = pgTable(
  'org_units',
  {
    ...tenantColumns(),
    parentId: uuid(),
    path: uuid().array().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    nameSearch: searchColumn('name'),
    kind: orgUnitKind().notNull(),
    adminUnitId: uuid().references(() => adminUnits.id),
    active: boolean().notNull().default(true),
    // Public contact details of the unit's desk (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit).
    publicAddress: text(),
    hotline: text(),
    publicEmail: text(),
    openingHours: text(),
    mapUrl: text(),
    createdAt: createdAt(),
    revision: revision(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('org_units_tenant_code_key').on(t.tenantId, t.code),
    foreignKey({ name: 'org_units_parent_fk', columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('org_units_name_search_idx').on(t.tenantId, sql`${t.nameSearch} collate "C"`),
  ],
);
