import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import type { AccountKeys } from '../accounts/keys.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertAccountAdminIn, assertMayActOnAccount } from './account-authority.js';
import { sendAccountCode } from './send-account-code.js';

/**
 * An admin resets an officer's password without ever knowing one: the current password stops
 * working, every session of the officer ends, and a code goes to the email (else phone) of their
 * profile, with which they choose a new password (docs/domain/account-authority.md#invitations).
 * An officer who never set a password is sent a fresh invitation instead. The answer and the
 * audit record say only which channel was used.
 */
export async function resetPassword({ ctx, tenantId, userId, keys }: { ctx: ServiceContext; tenantId: string; userId: string; keys: AccountKeys }) {
  assertAccountAdminIn(ctx, tenantId, 'reset_password');
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'reset_password' });
    const { users: u, tenantUsers: tu } = schema;
    const [account] = await tx.select({ passwordChangedAt: u.passwordChangedAt }).from(u).where(eq(u.id, userId));
    const [profile] = await tx
      .select({ email: tu.email, phone: tu.phone })
      .from(tu)
      .where(and(eq(tu.tenantId, tenantId), eq(tu.userId, userId)));
    const purpose = account?.passwordChangedAt ? 'reset_password' : 'invitation';
    const codeSentBy = await sendAccountCode(tx, keys, { userId, purpose, profile: profile ?? { email: null, phone: null } });
    await tx.update(u).set({ passwordHash: null, passwordChangeRequired: false }).where(eq(u.id, userId));
    await invalidateUserSessions(tx, userId);
    await audit(tx, ctx, { tenantId, action: 'user.password_reset', subjectType: 'user', subjectId: userId, details: { codeSentBy, purpose } });
    return { userId, codeSentBy };
  });
}
