import { schema, withTenant } from '@gov/db';
import { conflict } from '@gov/domain';
import { and, arrayContains, eq, inArray, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import { invalidateUserSessions } from '../auth/sessions.js';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { assertAccountAdminIn, assertMayActOnAccount } from './account-authority.js';
import { openTasksOf } from './open-tasks.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

export const MoveOfficer = v.object({
  orgUnitId: v.pipe(v.string(), v.uuid()),
  reason: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập căn cứ điều chuyển'), v.maxLength(500)),
});
export type MoveOfficer = v.InferOutput<typeof MoveOfficer>;

/**
 * Moves an officer to another unit (điều chuyển). Every role they held at the old unit or below
 * it ends (a role belongs to a place, not a person), their sessions end, and the answer lists
 * their open tasks for a leader to reassign: nothing is reassigned or dropped silently.
 */
export async function moveOfficer({
  ctx,
  tenantId,
  userId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  userId: string;
  ifMatch: IfMatch;
  input: MoveOfficer;
}) {
  assertAccountAdminIn(ctx, tenantId, 'move');
  const data = parseInput(MoveOfficer, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const officer = await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'move' });
    const target = await loadUnit(tx, tenantId, data.orgUnitId);
    assertCan(ctx, 'update', 'User', atUnit(tenantId, target.path), 'orgUnitId');
    if (officer.orgUnitId === target.id) throw conflict({ vi: 'Cán bộ đã ở đơn vị này.', en: 'The officer is already at this unit.' });
    const { tenantUsers: t, roleAssignments: r, orgUnits: o } = schema;
    const [moved] = await tx
      .update(t)
      .set({ orgUnitId: target.id })
      .where(and(eq(t.tenantId, tenantId), eq(t.userId, userId)))
      .returning({ revision: t.revision });
    assertBasedOn(ifMatch, moved!);
    const oldUnitId = officer.orgUnitId;
    const atOldUnit = oldUnitId
      ? tx
          .select({ id: o.id })
          .from(o)
          .where(and(eq(o.tenantId, tenantId), arrayContains(o.path, [oldUnitId])))
      : null;
    const ended = atOldUnit
      ? await tx
          .update(r)
          .set({ revokedAt: new Date(), revokedBy: ctx.actor?.userId ?? null })
          .where(and(eq(r.tenantId, tenantId), eq(r.userId, userId), isNull(r.revokedAt), inArray(r.orgUnitId, atOldUnit)))
          .returning({ id: r.id, role: r.role, orgUnitId: r.orgUnitId })
      : [];
    await invalidateUserSessions(tx, userId);
    const openTasks = await openTasksOf(tx, tenantId, userId);
    await audit(tx, ctx, {
      tenantId,
      action: 'user.moved',
      subjectType: 'user',
      subjectId: userId,
      details: { from: oldUnitId, to: target.id, reason: data.reason, endedRoles: ended },
    });
    return { userId, orgUnitId: target.id, revision: moved!.revision, endedRoles: ended, openTasks };
  });
}
