import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { invalidateUserSessions } from '../auth/sessions.js';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertMayActOnAccount } from '../users/account-authority.js';
import { activeProvinceAdmins, lockProvinceAdminSeats } from './seats.js';

export const RevokeProvinceAdmin = v.object({
  reason: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập căn cứ thu hồi (văn bản)'), v.maxLength(500)),
});
export type RevokeProvinceAdmin = v.InferOutput<typeof RevokeProvinceAdmin>;

/**
 * The ministry ends a province admin's appointment. The seat is free when this commits (the cap
 * counts active assignments only); the account stays, as an officer without admin rights, and
 * all its sessions end. Revoking the last one is allowed: the ministry then appoints a successor.
 */
export async function revokeProvinceAdmin({
  ctx,
  tenantId,
  userId,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  userId: string;
  input: RevokeProvinceAdmin;
}) {
  assertCan(ctx, 'manage', 'Tenant');
  const { reason } = parseInput(RevokeProvinceAdmin, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await lockProvinceAdminSeats(tx, tenantId);
    const seat = (await activeProvinceAdmins(tx, tenantId)).find((a) => a.userId === userId);
    if (!seat) throw notFound({ vi: 'Tài khoản này không phải quản trị tỉnh đang hiệu lực.', en: 'This account is not an active province admin.' });
    await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'change_roles' });
    const r = schema.roleAssignments;
    await tx
      .update(r)
      .set({ revokedAt: new Date(), revokedBy: ctx.actor?.userId ?? null })
      .where(and(eq(r.tenantId, tenantId), eq(r.id, seat.id)));
    await invalidateUserSessions(tx, userId);
    await audit(tx, ctx, { tenantId, action: 'province_admin.revoked', subjectType: 'role_assignment', subjectId: seat.id, details: { userId, reason } });
    return { userId, assignmentId: seat.id, revoked: true as const };
  });
}
