import { schema, withTenant } from '@gov/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/** The province's active admins (at most three), for the ministry's page and the admins themselves. */
export async function listProvinceAdmins({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'read', 'RoleAssignment', tenantId);
  const { roleAssignments: r, orgUnits: o, tenantUsers: t, users: u } = schema;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({
        assignmentId: r.id,
        userId: r.userId,
        login: u.login,
        fullName: t.fullName,
        position: t.position,
        active: t.active,
        grantedAt: r.grantedAt,
        reason: r.reason,
      })
      .from(r)
      .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.orgUnitId)))
      .innerJoin(u, eq(u.id, r.userId))
      .leftJoin(t, and(eq(t.tenantId, r.tenantId), eq(t.userId, r.userId)))
      .where(
        and(
          eq(r.tenantId, tenantId),
          eq(r.role, 'province_admin'),
          isNull(r.revokedAt),
          abilityFilter(ctx.ability, 'read', 'RoleAssignment', { tenantId: r.tenantId, orgUnitPath: o.path }),
        ),
      )
      .orderBy(asc(r.grantedAt)),
  );
}
