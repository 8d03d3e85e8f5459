import { foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { revision } from './revision.js';
import { createdAt, tenantColumns } from './columns.js';
import { orgUnits } from './org-units.js';
import { users } from './users.js';

/** Roles held inside a province, each over an org-unit subtree. */
export const tenantRole = pgEnum('tenant_role', ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk']);

/** Ministry roles span every province, so they are not tenant-owned. */
export const platformRole = pgEnum('platform_role', ['ministry_admin', 'ministry_oversight']);

/**
 * Who holds which role over which subtree, with the grant's audit trail. A revoked assignment
 * keeps its row (revoked_at/by) so the history of who could do what stays answerable.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    ...tenantColumns(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: tenantRole().notNull(),
    orgUnitId: uuid().notNull(),
    grantedBy: uuid().references(() => users.id),
    grantedAt: createdAt(),
    revision: revision(),
    reason: text(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'role_assignments_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('role_assignments_user_idx').on(t.tenantId, t.userId),
  ],
);

export const platformRoleAssignments = pgTable('platform_role_assignments', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id),
  role: platformRole().notNull(),
  grantedBy: uuid().references(() => users.id),
  grantedAt: createdAt(),
  reason: text(),
  revokedAt: timestamp({ withTimezone: true }),
  revokedBy: uuid().references(() => users.id),
});
