import { schema } from '@gov/db';
import { invalid, unauthenticated } from '@gov/domain';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { Password } from '../users/officer-fields.js';
import { recordAuthEvent } from './auth-events.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { lockedOut, loginLockout, recordLoginAttempt } from './rate-limit.js';
import { invalidateOtherSessions } from './sessions.js';

/** Đổi mật khẩu: the new one follows the same rule as an admin-chosen one (officer-fields.ts). */
export const ChangePassword = v.object({
  currentPassword: v.pipe(v.string(), v.minLength(1, 'Nhập mật khẩu hiện tại'), v.maxLength(500)),
  newPassword: Password,
});
export type ChangePassword = v.InferOutput<typeof ChangePassword>;

const wrongCurrent = () =>
  invalid(
    { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
    { fields: [{ path: 'currentPassword', problem: 'Mật khẩu hiện tại không đúng' }] },
  );

/**
 * Signed-in users change their own password. A wrong current password counts as a failed login
 * in the same PostgreSQL counters, so a stolen session cannot be used to guess it: the account
 * locks here and at sign-in alike. On success every other session ends; this one stays.
 */
export async function changePassword({ ctx, sessionId, input, ip }: { ctx: ServiceContext; sessionId: string; input: ChangePassword; ip: string }) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });
  const data = parseInput(ChangePassword, input);
  if (data.newPassword === data.currentPassword) {
    throw invalid(
      { vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.', en: 'The new password must differ from the current one.' },
      { fields: [{ path: 'newPassword', problem: 'Mật khẩu mới phải khác mật khẩu hiện tại' }] },
    );
  }
  const [user] = await ctx.db
    .select({ login: schema.users.login, passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.id, actor.userId));
  if (!user) throw unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });
  const login = user.login.toLowerCase();
  const lockout = await loginLockout(ctx.db, login, ip);
  if (lockout.locked) {
    await recordAuthEvent(ctx.db, { kind: 'login_locked', userId: actor.userId, login, ip, requestId: ctx.requestId, details: { via: 'password_change' } });
    throw lockedOut(lockout);
  }
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await recordLoginAttempt(ctx.db, { login, ip, succeeded: false });
    await recordAuthEvent(ctx.db, { kind: 'login_failed', userId: actor.userId, login, ip, requestId: ctx.requestId, details: { via: 'password_change' } });
    throw wrongCurrent();
  }
  const passwordHash = await hashPassword(data.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(schema.users).set({ passwordHash, passwordChangedAt: new Date(), passwordChangeRequired: false }).where(eq(schema.users.id, actor.userId));
    await invalidateOtherSessions(tx, actor.userId, sessionId);
    await recordLoginAttempt(tx, { login, ip, succeeded: true });
    await recordAuthEvent(tx, { kind: 'password_changed', userId: actor.userId, login, ip, requestId: ctx.requestId });
  });
  return { userId: actor.userId, passwordChangeRequired: false };
}
