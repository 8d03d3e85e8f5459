import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import { invalidateUserSessions } from '../auth/sessions.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { assertMayActOnAccount } from '../users/account-authority.js';
import { assertMayDelegate } from './delegation.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

export const RevokeRole = v.object({ reason: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập lý do thu hồi'), v.maxLength(500)) });

/**
 * Revokes an assignment (the row stays, stamped, for the record). Whoever could grant the role
 * there may revoke it, if it has authority over the holder's account; province admins are
 * revoked by the ministry (tenants/revoke-province-admin.ts).
 */
export async function revokeRole({
  ctx,
  tenantId,
  assignmentId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  assignmentId: string;
  ifMatch: IfMatch;
  input: v.InferOutput<typeof RevokeRole>;
}) {
  assertCanInTenant(ctx, 'grant', 'RoleAssignment', tenantId);
  const { reason } = parseInput(RevokeRole, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const { roleAssignments: r } = schema;
    const [assignment] = await tx
      .select()
      .from(r)
      .where(and(eq(r.tenantId, tenantId), eq(r.id, assignmentId), isNull(r.revokedAt)));
    if (!assignment) throw notFound({ vi: 'Không tìm thấy phân quyền đang hiệu lực.', en: 'No active assignment with that id.' });
    await assertMayActOnAccount(tx, ctx, { tenantId, userId: assignment.userId, act: 'change_roles' });
    const unit = await loadUnit(tx, tenantId, assignment.orgUnitId);
    assertCan(ctx, 'grant', 'RoleAssignment', atUnit(tenantId, unit.path));
    assertMayDelegate(ctx, { role: assignment.role, tenantId, unitPath: unit.path, granteeId: assignment.userId });
    const [revoked] = await tx
      .update(r)
      .set({ revokedAt: new Date(), revokedBy: ctx.actor?.userId ?? null })
      .where(and(eq(r.tenantId, tenantId), eq(r.id, assignmentId)))
      .returning({ revision: r.revision });
    assertBasedOn(ifMatch, revoked!);
    await invalidateUserSessions(tx, assignment.userId);
    await audit(tx, ctx, {
      tenantId,
      action: 'role.revoked',
      subjectType: 'role_assignment',
      subjectId: assignmentId,
      details: { userId: assignment.userId, role: assignment.role, reason },
    });
    return { id: assignmentId, revoked: true as const };
  });
}
