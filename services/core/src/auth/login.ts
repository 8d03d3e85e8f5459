import { schema } from '@gov/db';
import { unauthenticated } from '@gov/domain';
import { eq, sql as raw } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { secondFactorStep, requiresSecondFactor } from '../second-factor/who-needs.js';
import { officerNeedsVneid } from '../tenants/sign-in-policy.js';
import { recordAuthEvent } from './auth-events.js';
import { verifyPassword } from './passwords.js';
import { lockedOut, loginLockout, recordLoginAttempt } from './rate-limit.js';
import { loadActor } from './load-actor.js';
import { createSession } from './sessions.js';
import { csrfTokenFor } from './tokens.js';

export const LoginInput = v.object({
  login: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập tên đăng nhập'), v.maxLength(200)),
  password: v.pipe(v.string(), v.minLength(1, 'Nhập mật khẩu'), v.maxLength(500)),
});
export type LoginInput = v.InferOutput<typeof LoginInput>;

const WRONG = {
  vi: 'Sai tên đăng nhập hoặc mật khẩu.',
  en: 'Wrong login or password.',
};

const VNEID_REQUIRED = {
  vi: 'Tỉnh, thành phố của bạn yêu cầu cán bộ đăng nhập bằng VNeID. Hãy chọn "Cán bộ, công chức: đăng nhập bằng VNeID".',
  en: 'Your province requires officers to sign in with VNeID. Choose "Officers: sign in with VNeID".',
};

/**
 * Signs in with login and password. Public (no ability needed); rate-limited per account and per
 * address with a lockout that says when to retry; every outcome is recorded in auth_events.
 */
export async function login({ ctx, input, ip, userAgent }: { ctx: ServiceContext; input: LoginInput; ip: string; userAgent: string | null }) {
  const name = input.login.toLowerCase();
  const lockout = await loginLockout(ctx.db, name, ip);
  if (lockout.locked) {
    await recordAuthEvent(ctx.db, { kind: 'login_locked', login: name, ip, requestId: ctx.requestId });
    throw lockedOut(lockout);
  }
  const [user] = await ctx.db
    .select()
    .from(schema.users)
    .where(eq(raw`lower(${schema.users.login})`, name));
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await recordLoginAttempt(ctx.db, { login: name, ip, succeeded: false });
    await recordAuthEvent(ctx.db, { kind: 'login_failed', userId: user?.id ?? null, login: name, ip, requestId: ctx.requestId });
    if (user && passwordOk) {
      throw unauthenticated({ vi: 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị tỉnh.', en: 'This account is disabled. Contact your province admin.' });
    }
    throw unauthenticated(WRONG);
  }
  // Told only once the password is right, like a disabled account: the province's rule, not a wrong guess.
  if (user.kind === 'officer' && (await officerNeedsVneid(ctx, user.homeTenantId))) {
    await recordAuthEvent(ctx.db, { kind: 'login_failed', userId: user.id, login: name, ip, requestId: ctx.requestId, details: { reason: 'vneid_required' } });
    throw unauthenticated(VNEID_REQUIRED);
  }
  await recordLoginAttempt(ctx.db, { login: name, ip, succeeded: true });
  const session = await createSession(ctx.db, user.id, { ip, userAgent });
  await recordAuthEvent(ctx.db, { kind: 'login', userId: user.id, login: name, ip, requestId: ctx.requestId });
  const loaded = await loadActor(ctx.db, ctx.sql, user.id);
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    csrfToken: csrfTokenFor(session.secret),
    userId: user.id,
    passwordChangeRequired: user.passwordChangeRequired,
    /** An administrator's session is held back until this step is done (null: nothing to do). */
    secondFactor: loaded && requiresSecondFactor(loaded.abilityInput) ? await secondFactorStep(ctx.db, user.id) : null,
  };
}
