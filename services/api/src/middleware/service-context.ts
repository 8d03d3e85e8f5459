import { buildAbility, csrfTokenFor, loadActor, sameDigest, validateSession, type ValidSession } from '@gov/core';
import { forbidden, passwordChangeRequired } from '@gov/domain';
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

/** The session token from the cookie (browsers) or a Bearer header (API clients). */
function readToken(authorization: string | undefined, cookie: string | undefined) {
  if (authorization?.startsWith('Bearer ')) return { token: authorization.slice(7).trim(), viaCookie: false };
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/**
 * Builds the request's ServiceContext: the session's actor and their CASL ability, built anew from
 * the role assignments on every request (a revoked role takes effect at once). Without a valid
 * session the actor is anonymous with the public rules only: everything else is refused. A
 * cookie-authenticated write must echo the session's CSRF token in `X-CSRF-Token`. While the
 * user's password was set by an admin, the session opens only what changing it needs.
 */
export function serviceContext(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const base = { requestId: c.get('requestId'), db: deps.db, sql: deps.sql };
    // Anonymous visitors get only the public rules (read the catalog and the provinces).
    c.set('ctx', { ...base, actor: null, ability: buildAbility({ userId: null, kind: null, grants: [], platformRoles: [] }) });
    const found = readToken(c.req.header('Authorization'), getCookie(c, SESSION_COOKIE));
    const session: ValidSession | null = found ? await validateSession(deps.db, found.token) : null;
    if (session && found) {
      if (found.viaCookie && UNSAFE.has(c.req.method)) {
        const sent = c.req.header('X-CSRF-Token') ?? '';
        if (!/^[0-9a-f]{64}$/.test(sent) || !sameDigest(sent, csrfTokenFor(session.secret))) {
          throw forbidden({
            vi: 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang.',
            en: 'Request refused: missing or wrong CSRF token. Reload the page.',
          });
        }
      }
      const loaded = await loadActor(deps.db, deps.sql, session.userId);
      if (loaded) {
        if (loaded.passwordChangeRequired && !BEFORE_PASSWORD_CHANGE.has(`${c.req.method} ${c.req.path}`)) {
          throw passwordChangeRequired({
            vi: 'Mật khẩu của bạn do quản trị viên đặt. Hãy đổi mật khẩu trước khi tiếp tục.',
            en: 'Your password was set by an administrator. Change your password before continuing.',
          });
        }
        c.set('session', { ...session, passwordChangeRequired: loaded.passwordChangeRequired });
        c.set('ctx', { ...base, actor: loaded.actor, ability: buildAbility(loaded.abilityInput) });
      }
    }
    await next();
  };
}
