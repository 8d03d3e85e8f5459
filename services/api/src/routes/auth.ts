import { packRules } from '@casl/ability/extra';
import {
  changePassword,
  secondFactorStep,
  ChangePassword,
  csrfTokenFor,
  endMySession,
  login,
  LoginInput,
  logout,
  mySessions,
  SESSION_LIFETIME_MS,
} from '@gov/core';
import { unauthenticated } from '@gov/domain';
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../middleware/service-context.js';
import { validate } from '../validate.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';

const PasswordChanged = v.object({ userId: v.pipe(v.string(), v.uuid()), passwordChangeRequired: v.literal(false) });
const Instant = v.pipe(v.string(), v.isoTimestamp());
const SignedIn = v.object({
  userId: v.pipe(v.string(), v.uuid()),
  csrfToken: v.pipe(v.string(), v.description('Send it back as `X-CSRF-Token` on every write')),
  expiresAt: Instant,
  passwordChangeRequired: v.boolean(),
  secondFactor: v.pipe(
    v.nullable(v.picklist(['enrol', 'verify'])),
    v.description(
      'An administrator must now enrol an authenticator (`enrol`) or type a code (`verify`) at /api/auth/second-factor; until then other routes answer 403 `second_factor_required`',
    ),
  ),
});
const Me = v.object({
  user: v.object({ userId: v.pipe(v.string(), v.uuid()), kind: v.picklist(['officer', 'ministry', 'citizen']), displayName: v.string() }),
  rules: v.pipe(v.array(v.unknown()), v.description('The CASL rules of the user, packed (@casl/ability/extra packRules)')),
  csrfToken: v.string(),
  expiresAt: Instant,
  passwordChangeRequired: v.boolean(),
  secondFactor: v.pipe(v.nullable(v.picklist(['enrol', 'verify'])), v.description('What this session still has to do for the second factor, if anything')),
});
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

const SessionParam = v.object({ sessionId: v.pipe(v.string(), v.regex(/^[a-z0-9]{24}$/, 'Mã phiên đăng nhập không hợp lệ')) });
const SessionList = v.array(
  v.object({
    id: v.string(),
    userAgent: v.nullable(v.string()),
    ip: v.nullable(v.string()),
    createdAt: v.string(),
    lastSeenAt: v.string(),
    expiresAt: v.string(),
    current: v.boolean(),
  }),
);

export function authRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post(
      '/login',
      describeRoute({
        ...anyone,
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        responses: {
          200: jsonAnswer(
            'Signed in; `passwordChangeRequired: true` means someone else chose the password (accounts from before invitations) and only /me, logout and /password answer until it is changed',
            SignedIn,
          ),
          401: { description: 'Wrong credentials' },
          429: { description: 'Locked after too many failures; `Retry-After` gives the seconds to wait' },
        },
      }),
      validate('json', LoginInput),
      async (c) => {
        const result = await login({
          ctx: c.get('ctx'),
          input: c.req.valid('json'),
          ip: c.get('clientAddress'),
          userAgent: c.req.header('User-Agent') ?? null,
        });
        setSessionCookie(c, deps, result.token);
        // The token itself stays in the httpOnly cookie: script on the page never sees it.
        return c.json({
          userId: result.userId,
          csrfToken: result.csrfToken,
          expiresAt: result.expiresAt,
          passwordChangeRequired: result.passwordChangeRequired,
          secondFactor: result.secondFactor,
        } satisfies Wire<v.InferOutput<typeof SignedIn>>);
      },
    )
    .post(
      '/logout',
      describeRoute({ tags: ['auth'], summary: 'Sign out (ends the session)', responses: { 204: { description: 'Signed out' } } }),
      async (c) => {
        const session = c.get('session');
        if (session) await logout({ ctx: c.get('ctx'), sessionId: session.id, ip: c.get('clientAddress') });
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    )
    .get(
      '/me',
      describeRoute({
        tags: ['auth'],
        summary: 'The signed-in user with their packed CASL rules',
        responses: { 200: jsonAnswer('Current user, with `passwordChangeRequired`', Me), 401: { description: 'Not signed in' } },
      }),
      async (c) => {
        const ctx = c.get('ctx');
        const session = c.get('session');
        if (!ctx.actor || !session) throw notSignedIn();
        return c.json({
          user: ctx.actor,
          rules: packRules(ctx.ability.rules),
          csrfToken: csrfTokenFor(session.secret),
          expiresAt: session.expiresAt,
          passwordChangeRequired: session.passwordChangeRequired,
          secondFactor: session.secondFactorPending ? await secondFactorStep(ctx.db, ctx.actor.userId) : null,
        } satisfies Wire<v.InferOutput<typeof Me>>);
      },
    )
    .post(
      '/password',
      describeRoute({
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions and lifts a forced change',
        description: 'A wrong current password counts as a failed sign-in (5 within 15 minutes lock the account). Cookie clients send `X-CSRF-Token`.',
        responses: {
          200: jsonAnswer('Changed; this session stays signed in', PasswordChanged),
          400: { description: 'Wrong current password, or the new one breaks the password rule or equals the current one' },
          401: { description: 'Not signed in' },
          403: { description: 'Missing CSRF token' },
          429: { description: 'Locked after too many wrong passwords; `Retry-After` gives the seconds to wait' },
        },
      }),
      validate('json', ChangePassword),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        return c.json(await changePassword({ ctx: c.get('ctx'), sessionId: session.id, input: c.req.valid('json'), ip: c.get('clientAddress') }));
      },
    )
    .get(
      '/sessions',
      describeRoute({
        tags: ['auth'],
        summary: 'Your active sessions: device, address, when opened and last used; `current` is this one',
        responses: { 200: jsonAnswer('Newest use first', SessionList), 401: { description: 'Not signed in' } },
      }),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        return c.json(await mySessions({ ctx: c.get('ctx'), sessionId: session.id }));
      },
    )
    .delete(
      '/sessions/:sessionId',
      describeRoute({
        tags: ['auth'],
        summary: 'End one of your sessions (e.g. a lost phone); ending the current one signs you out',
        responses: { 204: { description: 'Ended' }, 401: { description: 'Not signed in' }, 404: { description: 'No such session of yours' } },
      }),
      validate('param', SessionParam),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        const { sessionId } = c.req.valid('param');
        await endMySession({ ctx: c.get('ctx'), sessionId, ip: c.get('clientAddress') });
        if (sessionId === session.id) deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    );
}
