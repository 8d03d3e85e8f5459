import { packRules } from '@casl/ability/extra';
import { changePassword, ChangePassword, csrfTokenFor, login, LoginInput, logout, SESSION_LIFETIME_MS } from '@gov/core';
import { unauthenticated } from '@gov/domain';
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../middleware/service-context.js';
import { validate } from '../validate.js';

const PasswordChanged = v.object({ userId: v.pipe(v.string(), v.uuid()), passwordChangeRequired: v.literal(false) });
const json = (schema: v.GenericSchema) => ({ 'application/json': { schema: resolver(schema) } });
const notSignedIn = () => unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });

/** The session cookie, after any kind of sign-in: the token stays where script cannot read it. */
export function setSessionCookie(c: Context<AppEnv>, deps: ApiDeps, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: deps.cookieSecure ?? false,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

/** The client address for rate limiting; behind a proxy, the proxy must be the only peer. */
export function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

export function authRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post(
      '/login',
      describeRoute({ tags: ['auth'], summary: 'Sign in; sets the session cookie and returns the CSRF token', responses: { 200: { description: 'Signed in; `passwordChangeRequired: true` means an admin set the password and only /me, logout and /password answer until it is changed' }, 401: { description: 'Wrong credentials or locked' } } }),
      validate('json', LoginInput),
      async (c) => {
        const result = await login({ ctx: c.get('ctx'), input: c.req.valid('json'), ip: clientIp(c) });
        setSessionCookie(c, deps, result.token);
        // The token itself stays in the httpOnly cookie: script on the page never sees it.
        return c.json({ userId: result.userId, csrfToken: result.csrfToken, expiresAt: result.expiresAt, passwordChangeRequired: result.passwordChangeRequired });
      },
    )
    .post('/logout', describeRoute({ tags: ['auth'], summary: 'Sign out (ends the session)', responses: { 204: { description: 'Signed out' } } }), async (c) => {
      const session = c.get('session');
      if (session) await logout({ ctx: c.get('ctx'), sessionId: session.id, ip: clientIp(c) });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/me', describeRoute({ tags: ['auth'], summary: 'The signed-in user with their packed CASL rules', responses: { 200: { description: 'Current user, with `passwordChangeRequired`' }, 401: { description: 'Not signed in' } } }), (c) => {
      const ctx = c.get('ctx');
      const session = c.get('session');
      if (!ctx.actor || !session) throw notSignedIn();
      return c.json({
        user: ctx.actor, rules: packRules(ctx.ability.rules), csrfToken: csrfTokenFor(session.secret), expiresAt: session.expiresAt,
        passwordChangeRequired: session.passwordChangeRequired,
      });
    })
    .post(
      '/password',
      describeRoute({
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions and lifts a forced change',
        description: 'A wrong current password counts as a failed sign-in (5 within 15 minutes lock the account). Cookie clients send `X-CSRF-Token`.',
        responses: {
          200: { description: 'Changed; this session stays signed in', content: json(PasswordChanged) },
          400: { description: 'Wrong current password, or the new one breaks the password rule or equals the current one' },
          401: { description: 'Not signed in' },
          403: { description: 'Missing CSRF token, or locked after too many wrong passwords' },
        },
      }),
      validate('json', ChangePassword),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        return c.json(await changePassword({ ctx: c.get('ctx'), sessionId: session.id, input: c.req.valid('json'), ip: clientIp(c) }));
      },
    );
}
