import { actorFromRow, authorityOf, csrfTokenFor, requiresSecondFactor, sameDigest, validateSession } from '@gov/core';
import { forbidden, passwordChangeRequired, secondFactorRequired } from '@gov/domain';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ApiDeps, AppEnv } from '../app-env.js';

export const SESSION_COOKIE = 'gov_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * All a session may do while its password was set by an admin (and signing in afresh, which
 * replaces the session). An allow-list, so a route added later is refused too (fail closed).
 */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/login',
  'GET /api/auth/vneid/start',
  'GET /api/auth/vneid/callback',
]);

/**
 * All an administrator's session may do before it has passed the second factor: learn who is
 * signed in and what is pending, enrol or type a code, sign out or sign in afresh. An allow-list
 * too, so a route added later is refused while the factor is pending.
 */
const BEFORE_SECOND_FACTOR = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/login',
  'GET /api/auth/vneid/start',
  'GET /api/auth/vneid/callback',
  'GET /api/auth/second-factor',
  'POST /api/auth/second-factor/enrol',
  'POST /api/auth/second-factor/enrol/confirm',
  'POST /api/auth/second-factor/verify',
]);

/** The session token from the cookie (browsers) or a Bearer header (API clients). */
function readToken(authorization: string | undefined, cookie: string | undefined) {
  if (authorization?.startsWith('Bearer ')) return { token: authorization.slice(7).trim(), viaCookie: false };
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/**
 * Builds the request's ServiceContext: the session's actor and their CASL ability, built anew on
 * every request from the user's row, read with the session, and their role assignments (kept
 * under the row's access revision, so a revoked role takes effect at once). Without a valid
 * session the actor is anonymous with the public rules only: everything else is refused. A
 * cookie-authenticated write must echo the session's CSRF token in `X-CSRF-Token`. While the
 * user's password was set by an admin, the session opens only what changing it needs; until an
 * administrator's session has passed the second factor, it opens only what that step needs
 * (checked first: the factor proves who is there before anything else is asked of them).
 */
export function serviceContext(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const base = { requestId: c.get('requestId'), db: deps.db, sql: deps.sql };
    // Anonymous visitors get only the public rules (read the catalog and the provinces).
    c.set('ctx', { ...base, actor: null, ...authorityOf({ userId: null, kind: null, grants: [], platformRoles: [] }) });
    const found = readToken(c.req.header('Authorization'), getCookie(c, SESSION_COOKIE));
    const validated = found ? await validateSession(deps.db, found.token) : null;
    if (validated && found) {
      const { user, ...session } = validated;
      if (found.viaCookie && UNSAFE.has(c.req.method)) {
        const sent = c.req.header('X-CSRF-Token') ?? '';
        if (!/^[0-9a-f]{64}$/.test(sent) || !sameDigest(sent, csrfTokenFor(session.secret))) {
          throw forbidden({
            vi: 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang.',
            en: 'Request refused: missing or wrong CSRF token. Reload the page.',
          });
        }
      }
      const loaded = await actorFromRow(deps.sql, session.userId, user);
      if (loaded) {
        const route = `${c.req.method} ${c.req.path}`;
        const secondFactorPending = session.secondFactorAt === null && requiresSecondFactor(loaded.abilityInput);
        if (secondFactorPending && !BEFORE_SECOND_FACTOR.has(route)) {
          throw secondFactorRequired({
            vi: 'Tài khoản quản trị cần xác thực hai lớp. Hãy nhập mã từ ứng dụng xác thực trước khi tiếp tục.',
            en: 'Administrator accounts need a second factor. Enter the code from your authenticator app before continuing.',
          });
        }
        if (loaded.passwordChangeRequired && !BEFORE_PASSWORD_CHANGE.has(route)) {
          throw passwordChangeRequired({
            vi: 'Mật khẩu của bạn do quản trị viên đặt. Hãy đổi mật khẩu trước khi tiếp tục.',
            en: 'Your password was set by an administrator. Change your password before continuing.',
          });
        }
        c.set('session', { ...session, passwordChangeRequired: loaded.passwordChangeRequired, secondFactorPending });
        c.set('ctx', { ...base, actor: loaded.actor, ...authorityOf(loaded.abilityInput) });
      }
    }
    await next();
  };
}
