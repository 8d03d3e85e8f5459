import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { invalidateUserSessions } from '../auth/sessions.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit } from '../org-units/load-unit.js';
import { loadOfficer } from './load-officer.js';

/** Deactivates (or reactivates) an officer; deactivation ends every session at once. */
export async function setOfficerActive({ ctx, tenantId, userId, active }: { ctx: ServiceContext; tenantId: string; userId: string; active: boolean }) {
  assertCanInTenant(ctx, 'update', 'User', tenantId);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const officer = await loadOfficer(tx, tenantId, userId);
    assertCan(ctx, 'update', 'User', atUnit(tenantId, officer.path), 'active');
    await tx.update(schema.tenantUsers).set({ active }).where(and(eq(schema.tenantUsers.tenantId, tenantId), eq(schema.tenantUsers.userId, userId)));
    await tx.update(schema.users).set({ status: active ? 'active' : 'disabled' }).where(eq(schema.users.id, userId));
    if (!active) await invalidateUserSessions(tx, userId);
    await audit(tx, ctx, { tenantId, action: active ? 'user.reactivated' : 'user.deactivated', subjectType: 'user', subjectId: userId });
    return { userId, active };
  });
}
