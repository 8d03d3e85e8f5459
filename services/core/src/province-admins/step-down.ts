import { schema, withTenant } from '@gov/db';
import { conflict, forbidden, unauthenticated } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { activeProvinceAdmins, lockProvinceAdminSeats } from './seats.js';

export const StepDown = v.object({
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500))),
});
export type StepDown = v.InferOutput<typeof StepDown>;

/**
 * A province admin gives up their own appointment (thôi làm quản trị tỉnh). The last one may not:
 * a province without an admin cannot manage its officers until the ministry acts, so the last
 * admin asks the ministry to appoint a successor first (or to revoke them). The count is taken
 * under the seat lock, so two last admins stepping down at once cannot both succeed. The
 * session stays open: rights are rebuilt from the assignments on every request.
 */
export async function stepDownProvinceAdmin({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: StepDown }) {
  const userId = ctx.actor?.userId;
  if (!userId) throw unauthenticated({ vi: 'Vui lòng đăng nhập để thực hiện thao tác này.', en: 'Please sign in to do this.' });
  const { reason } = parseInput(StepDown, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await lockProvinceAdminSeats(tx, tenantId);
    const seats = await activeProvinceAdmins(tx, tenantId);
    const own = seats.find((s) => s.userId === userId);
    if (!own) throw forbidden({ vi: 'Bạn không phải quản trị tỉnh của tỉnh này.', en: 'You are not a province admin of this province.' });
    if (seats.length <= 1) {
      throw conflict({
        vi: 'Bạn là quản trị tỉnh cuối cùng: đề nghị Bộ bổ nhiệm người thay thế trước khi thôi làm quản trị.',
        en: 'You are the last province admin: ask the ministry to appoint a successor before stepping down.',
      });
    }
    const r = schema.roleAssignments;
    await tx
      .update(r)
      .set({ revokedAt: new Date(), revokedBy: userId })
      .where(and(eq(r.tenantId, tenantId), eq(r.id, own.id)));
    await audit(tx, ctx, {
      tenantId,
      action: 'province_admin.stepped_down',
      subjectType: 'role_assignment',
      subjectId: own.id,
      details: { userId, ...(reason ? { reason } : {}) },
    });
    return { userId, assignmentId: own.id, steppedDown: true as const };
  });
}
