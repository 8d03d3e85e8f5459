import { boolean, foreignKey, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { revision } from './revision.js';
import { createdAt, searchColumn } from './columns.js';
import { orgUnits } from './org-units.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * An officer's profile in one province: the registration data of the province admins' annex, docs/domain/roles.md (full name,
 * citizen ID, position, unit, mobile phone, official email).
 */
export const tenantUsers = pgTable(
  'tenant_users',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    fullName: text().notNull(),
    fullNameSearch: searchColumn('full_name'),
    /** Căn cước công dân: 12 digits; masked in lists and logs. */
    citizenId: text(),
    position: text(),
    orgUnitId: uuid(),
    phone: text(),
    email: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    revision: revision(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ name: 'tenant_users_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);
