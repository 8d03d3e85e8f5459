import { rateLimited } from '@gov/domain';
import type { Queryable } from '@gov/db';
import { recordAuthEvent } from '../auth/auth-events.js';
import { loginLockout, recordLoginAttempt } from '../auth/rate-limit.js';
import type { ServiceContext } from '../context.js';

/**
 * Wrong second-factor codes are counted by the sign-in lockout (login_attempts): five wrong codes
 * for one account, or thirty from one address with wrong passwords, within 15 minutes lock it
 * until the window passes. The account key names the user, never a login someone could type.
 */
const accountKey = (userId: string) => `second-factor:${userId}`;

export async function assertNotLocked(ctx: ServiceContext, userId: string, ip: string): Promise<void> {
  const lockout = await loginLockout(ctx.db, accountKey(userId), ip);
  if (!lockout.locked) return;
  await recordAuthEvent(ctx.db, { kind: 'second_factor_locked', userId, ip, requestId: ctx.requestId });
  const minutes = Math.ceil(lockout.retryAfterSeconds / 60);
  throw rateLimited(
    {
      vi: `Nhập sai mã xác thực quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many wrong codes. Try again in ${minutes} minutes.`,
    },
    lockout.retryAfterSeconds,
  );
}

export async function recordCodeAttempt(db: Queryable, userId: string, ip: string, succeeded: boolean): Promise<void> {
  await recordLoginAttempt(db, { login: accountKey(userId), ip, succeeded });
}
