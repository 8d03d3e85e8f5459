import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { and, eq, isNull, sql as raw } from 'drizzle-orm';
import type { PlatformRole } from '@gov/domain';
import type { AbilityInput, Grant } from '../abilities/build-ability.js';
import type { Actor } from '../context.js';

/**
 * The actor and everything their ability is built from: platform roles, and the active role
 * assignments in their home province (read inside that tenant's context, as RLS requires).
 */
export async function loadActor(
  db: Db,
  sql: Sql,
  userId: string,
): Promise<{ actor: Actor; abilityInput: AbilityInput; passwordChangeRequired: boolean } | null> {
  const u = schema.users;
  // One round trip per request for the user and their platform roles (never the password hash).
  const [user] = await db
    .select({
      kind: u.kind,
      status: u.status,
      displayName: u.displayName,
      homeTenantId: u.homeTenantId,
      passwordChangeRequired: u.passwordChangeRequired,
      // Spelled out: drizzle leaves column names unqualified inside sql``, and in a subquery an
      // unqualified "id" would be the role assignment's, not the user's.
      platformRoles: raw<
        PlatformRole[]
      >`array(select pra.role::text from platform_role_assignments pra where pra.user_id = users.id and pra.revoked_at is null)`,
    })
    .from(u)
    .where(eq(u.id, userId));
  if (!user || user.status !== 'active') return null;
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
    abilityInput: { userId, kind: user.kind, grants, platformRoles: user.platformRoles },
    passwordChangeRequired: user.passwordChangeRequired,
  };
}
