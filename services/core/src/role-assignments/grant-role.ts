import { schema, withTenant, type TenantDb } from '@gov/db';
import { conflict, TenantRole, type Role } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import { invalidateUserSessions } from '../auth/sessions.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { pgError } from '../pg-error.js';
import { assertMayActOnAccount } from '../users/account-authority.js';
import { assertMayDelegate } from './delegation.js';

export const GrantRole = v.object({
  userId: v.pipe(v.string(), v.uuid()),
  role: TenantRole,
  orgUnitId: v.pipe(v.string(), v.uuid()),
  reason: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập lý do cấp quyền'), v.maxLength(500)),
});
export type GrantRole = v.InferOutput<typeof GrantRole>;

export const CAP_MESSAGE = {
  vi: 'Tỉnh đã có đủ 3 tài khoản quản trị tỉnh. Thu hồi một tài khoản trước khi bổ nhiệm thêm.',
  en: 'This province already has 3 province admins. Revoke one before appointing another.',
};

/** Inserts an assignment; the database's cap trigger turns a fourth province admin into a 409. */
export async function insertAssignment(
  tx: TenantDb,
  ctx: ServiceContext,
  row: { tenantId: string; userId: string; role: Role & TenantRole; orgUnitId: string; reason: string },
) {
  try {
    const [assignment] = await tx
      .insert(schema.roleAssignments)
      .values({ ...row, grantedBy: ctx.actor?.userId ?? null })
      .returning();
    return assignment!;
  } catch (error) {
    if (pgError(error)?.constraint_name === 'role_assignments_province_admin_cap') throw conflict(CAP_MESSAGE);
    throw error;
  }
}

/** A province or unit admin grants a role over a unit of its own scope to an officer it has authority over (delegation rules: docs/domain/roles.md). */
export async function grantRole({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: GrantRole }) {
  assertCanInTenant(ctx, 'grant', 'RoleAssignment', tenantId);
  const data = parseInput(GrantRole, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, data.orgUnitId);
    // Authority over the grantee's account (their own unit in scope, not a peer or higher admin),
    // then over the unit the role is granted at, then the delegation rule.
    await assertMayActOnAccount(tx, ctx, { tenantId, userId: data.userId, act: 'change_roles' });
    assertCan(ctx, 'grant', 'RoleAssignment', atUnit(tenantId, unit.path));
    assertMayDelegate(ctx, { role: data.role, tenantId, unitPath: unit.path, granteeId: data.userId });
    const { roleAssignments: r } = schema;
    const [existing] = await tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.tenantId, tenantId), eq(r.userId, data.userId), eq(r.role, data.role), eq(r.orgUnitId, unit.id), isNull(r.revokedAt)));
    if (existing) throw conflict({ vi: 'Cán bộ đã có vai trò này tại đơn vị này.', en: 'The officer already holds this role at this unit.' });
    const assignment = await insertAssignment(tx, ctx, { tenantId, userId: data.userId, role: data.role, orgUnitId: unit.id, reason: data.reason });
    await invalidateUserSessions(tx, data.userId);
    await audit(tx, ctx, {
      tenantId,
      action: 'role.granted',
      subjectType: 'role_assignment',
      subjectId: assignment.id,
      details: { userId: data.userId, role: data.role, orgUnitId: unit.id, reason: data.reason },
    });
    return assignment;
  });
}
