import { schema, withTenant } from '@gov/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/** Active assignments the actor may see, with who granted them, when and why. */
export async function listRoleAssignments({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'read', 'RoleAssignment', tenantId);
  const { roleAssignments: r, orgUnits: u, tenantUsers: t } = schema;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({
        id: r.id,
        userId: r.userId,
        fullName: t.fullName,
        role: r.role,
        orgUnitId: r.orgUnitId,
        orgUnitName: u.name,
        grantedBy: r.grantedBy,
        grantedAt: r.grantedAt,
        reason: r.reason,
        revision: r.revision,
      })
      .from(r)
      .innerJoin(u, and(eq(u.tenantId, r.tenantId), eq(u.id, r.orgUnitId)))
      .leftJoin(t, and(eq(t.tenantId, r.tenantId), eq(t.userId, r.userId)))
      .where(
        and(eq(r.tenantId, tenantId), isNull(r.revokedAt), abilityFilter(ctx.ability, 'read', 'RoleAssignment', { tenantId: r.tenantId, orgUnitPath: u.path })),
      )
      .orderBy(desc(r.grantedAt)),
  );
}
