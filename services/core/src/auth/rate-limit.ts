import { schema, type Queryable } from '@gov/db';
import { rateLimited } from '@gov/domain';
import { and, eq, gt, lt, sql } from 'drizzle-orm';

/**
 * Lockout policy: 5 failed attempts on one account, or 30 from one address, within 15 minutes
 * lock further attempts until the window has passed. Counted in PostgreSQL so every API instance
 * shares it.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export interface Lockout {
  locked: boolean;
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number;
}

export async function loginLockout(db: Queryable, login: string, ip: string, now = new Date()): Promise<Lockout> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const { loginAttempts: a } = schema;
  const [counts] = await db
    .select({
      account: sql<number>`count(*) filter (where ${a.login} = ${login})::int`,
      address: sql<number>`count(*) filter (where ${a.ip} = ${ip})::int`,
      oldest: sql<Date | null>`min(${a.attemptedAt})`,
    })
    .from(a)
    .where(and(eq(a.succeeded, false), gt(a.attemptedAt, since), sql`(${a.login} = ${login} or ${a.ip} = ${ip})`));
  const locked = (counts?.account ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (counts?.address ?? 0) >= MAX_FAILURES_PER_ADDRESS;
  const oldest = counts?.oldest ? new Date(counts.oldest) : now;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
  return { locked, retryAfterSeconds };
}

/**
 * What a locked-out caller gets, at sign-in and when changing a password alike: 429 with
 * `Retry-After`, and the wait in minutes in words.
 */
export function lockedOut(lockout: Lockout) {
  const minutes = Math.ceil(lockout.retryAfterSeconds / 60);
  return rateLimited(
    {
      vi: `Nhập sai mật khẩu quá nhiều lần. Tài khoản tạm khóa, vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many failed attempts. Sign-in is locked; try again in ${minutes} minutes.`,
    },
    lockout.retryAfterSeconds,
  );
}

export async function recordLoginAttempt(db: Queryable, attempt: { login: string; ip: string; succeeded: boolean }): Promise<void> {
  await db.insert(schema.loginAttempts).values(attempt);
  // A success clears the account's failures; old rows are pruned as we go.
  if (attempt.succeeded) {
    await db.delete(schema.loginAttempts).where(and(eq(schema.loginAttempts.login, attempt.login), eq(schema.loginAttempts.succeeded, false)));
  }
  await db.delete(schema.loginAttempts).where(lt(schema.loginAttempts.attemptedAt, new Date(Date.now() - 2 * LOGIN_WINDOW_MS)));
}
