import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { AbilityInput, Grant } from '../abilities/build-ability.js';
import type { Actor } from '../context.js';

/**
 * The actor and everything their ability is built from: platform roles, and the active role
 * assignments in their home province (read inside that tenant's context, as RLS requires).
 */
export async function loadActor(db: Db, sql: Sql, userId: string): Promise<{ actor: Actor; abilityInput: AbilityInput } | null> {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user || user.status !== 'active') return null;
  const platform = await db
    .select({ role: schema.platformRoleAssignments.role })
    .from(schema.platformRoleAssignments)
    .where(and(eq(schema.platformRoleAssignments.userId, userId), isNull(schema.platformRoleAssignments.revokedAt)));
  let grants: Grant[] = [];
  if (user.homeTenantId) {
    const tenantId = user.homeTenantId;
    grants = await withTenant(sql, tenantId, async (tx) => {
      const { roleAssignments: r, orgUnits: u } = schema;
      const rows = await tx
        .select({ role: r.role, orgUnitId: r.orgUnitId, parentId: u.parentId })
        .from(r)
        .innerJoin(u, and(eq(u.tenantId, r.tenantId), eq(u.id, r.orgUnitId)))
        .where(and(eq(r.userId, userId), isNull(r.revokedAt)));
      return rows.map((row) => ({ role: row.role, tenantId, orgUnitId: row.orgUnitId, wholeTenant: row.parentId === null }));
    });
  }
  return {
    actor: { userId, kind: user.kind, displayName: user.displayName },
    abilityInput: { userId, kind: user.kind, grants, platformRoles: platform.map((p) => p.role) },
  };
}
