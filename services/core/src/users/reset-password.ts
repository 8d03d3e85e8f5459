import { schema, withTenant } from '@gov/db';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { hashPassword } from '../auth/passwords.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { Password } from './officer-fields.js';
import { assertAccountAdminIn, assertMayActOnAccount } from './account-authority.js';

export const ResetPassword = v.object({ newPassword: Password });

/**
 * An admin sets a new password for an officer; every session of that officer ends, and the officer
 * must choose their own at the next sign-in (the admin knows this one).
 */
export async function resetPassword({ ctx, tenantId, userId, input }: { ctx: ServiceContext; tenantId: string; userId: string; input: v.InferOutput<typeof ResetPassword> }) {
  assertAccountAdminIn(ctx, tenantId, 'reset_password');
  const { newPassword } = parseInput(ResetPassword, input);
  const passwordHash = await hashPassword(newPassword);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'reset_password' });
    await tx.update(schema.users).set({ passwordHash, passwordChangedAt: new Date(), passwordChangeRequired: true }).where(eq(schema.users.id, userId));
    await invalidateUserSessions(tx, userId);
    await audit(tx, ctx, { tenantId, action: 'user.password_reset', subjectType: 'user', subjectId: userId });
    return { userId };
  });
}
