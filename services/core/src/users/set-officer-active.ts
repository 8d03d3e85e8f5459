import { schema, withTenant } from '@gov/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { invalidateUserSessions } from '../auth/sessions.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertAccountAdminIn, assertMayActOnAccount } from './account-authority.js';
import { openTasksOf } from './open-tasks.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

/**
 * Deactivates (or reactivates) an officer; deactivation ends every session at once and ends the
 * account's admin assignments, so a deactivated province admin no longer holds one of the three
 * seats (docs/domain/account-authority.md). Work roles stay, so an officer back from leave works
 * again once reactivated; an admin role is an appointment and is granted again if wanted.
 */
export async function setOfficerActive({
  ctx,
  tenantId,
  userId,
  ifMatch,
  active,
}: {
  ctx: ServiceContext;
  tenantId: string;
  userId: string;
  ifMatch: IfMatch;
  active: boolean;
}) {
  const act = active ? 'reactivate' : 'deactivate';
  assertAccountAdminIn(ctx, tenantId, act);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await assertMayActOnAccount(tx, ctx, { tenantId, userId, act });
    const [changed] = await tx
      .update(schema.tenantUsers)
      .set({ active })
      .where(and(eq(schema.tenantUsers.tenantId, tenantId), eq(schema.tenantUsers.userId, userId)))
      .returning({ revision: schema.tenantUsers.revision });
    assertBasedOn(ifMatch, changed!);
    await tx
      .update(schema.users)
      .set({ status: active ? 'active' : 'disabled' })
      .where(eq(schema.users.id, userId));
    const { roleAssignments: r } = schema;
    const ended = active
      ? []
      : await tx
          .update(r)
          .set({ revokedAt: new Date(), revokedBy: ctx.actor?.userId ?? null })
          .where(and(eq(r.tenantId, tenantId), eq(r.userId, userId), isNull(r.revokedAt), inArray(r.role, ['province_admin', 'unit_admin'])))
          .returning({ id: r.id, role: r.role });
    if (!active) await invalidateUserSessions(tx, userId);
    await audit(tx, ctx, {
      tenantId,
      action: active ? 'user.reactivated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: userId,
      details: ended.length ? { endedRoles: ended } : undefined,
    });
    // A deactivated officer's open tasks are listed for a leader to reassign, never dropped.
    return { userId, active, revision: changed!.revision, openTasks: active ? [] : await openTasksOf(tx, tenantId, userId) };
  });
}
