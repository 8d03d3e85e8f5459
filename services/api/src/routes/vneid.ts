import { signInWithVneid, VerifiedIdentity } from '@gov/core';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { FLOW_LIFETIME_MS, openFlow, sealFlow, VneidFlowError, vneidRelyingParty } from '../vneid.js';
import { setSessionCookie } from './auth.js';
import { anyone } from './answer.js';

/** Holds state, nonce and the PKCE verifier between the two legs; sent back only to this path. */
export const FLOW_COOKIE = 'gov_vneid_flow';
const FLOW_PATH = '/api/auth/vneid';
/** The sign-in page reads `?vneid=` to say how the attempt ended. */
const back = (outcome: string) => `/login?vneid=${encodeURIComponent(outcome)}`;

const StartQuery = v.object({ as: v.optional(v.picklist(['citizen', 'officer'], 'as: citizen hoặc officer'), 'citizen') });
/** Only what the callback reads; the provider may add parameters of its own (`iss`, `session_state`). */
const CallbackQuery = v.looseObject({
  code: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  state: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  error: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

/**
 * "Đăng nhập bằng VNeID": an OpenID Connect relying party (authorization code with PKCE, state
 * and nonce). Every ending goes back to the web app's sign-in page: with a session when the
 * person was linked (or, as a citizen, their account made), otherwise with the reason and
 * nothing written (a refused officer leaves only the sign-in event).
 */
export function vneidRoutes(deps: ApiDeps) {
  const rp = deps.vneid ? vneidRelyingParty(deps.vneid) : undefined;
  const stateSecret = deps.vneid?.stateSecret ?? '';
  const fail = (c: Context<AppEnv>, reason: string, detail: string) => {
    // The reason and the library's message only: never a claim, a code or the ID number.
    deps.logger.warn({ reason, detail, requestId: c.get('requestId') }, 'vneid sign-in ended without a session');
    return c.redirect(back(reason), 302);
  };
  return new Hono<AppEnv>()
    .get(
      '/start',
      describeRoute({
        ...anyone,
        tags: ['auth'],
        summary: 'Start signing in with VNeID (redirects to the identity provider)',
        responses: {
          302: { description: 'To the provider, or back to /login?vneid=provider when it cannot be reached' },
          400: { description: '`as` is neither citizen nor officer' },
        },
      }),
      validate('query', StartQuery),
      async (c) => {
        if (!rp) return fail(c, 'unavailable', 'VNeID is not configured');
        try {
          const { url, flow } = await rp.start(c.req.valid('query').as);
          setCookie(c, FLOW_COOKIE, sealFlow(stateSecret, flow), {
            httpOnly: true,
            secure: deps.cookieSecure ?? false,
            sameSite: 'Lax',
            path: FLOW_PATH,
            maxAge: FLOW_LIFETIME_MS / 1000,
          });
          return c.redirect(url, 302);
        } catch (error) {
          if (error instanceof VneidFlowError) return fail(c, error.reason, error.message);
          throw error;
        }
      },
    )
    .get(
      '/callback',
      describeRoute({
        ...anyone,
        tags: ['auth'],
        summary: 'The identity provider’s answer: validates it, links or makes the account, signs in',
        responses: {
          302: {
            description:
              'To /login?vneid=ok with the session cookie, or /login?vneid=<reason> (denied, state, provider, invalid, no_officer_account, ambiguous_officer, disabled) without one',
          },
        },
      }),
      validate('query', CallbackQuery),
      async (c) => {
        const flow = openFlow(stateSecret, getCookie(c, FLOW_COOKIE));
        // One attempt, one answer: the flow cookie never serves a second callback.
        deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH });
        if (!rp) return fail(c, 'unavailable', 'VNeID is not configured');
        const query = new URL(c.req.url).searchParams;
        if (!flow) return fail(c, query.get('error') === 'access_denied' ? 'denied' : 'state', 'no valid flow cookie');
        let claims: { citizenId: unknown; name: unknown };
        try {
          claims = await rp.finish(flow, query);
        } catch (error) {
          if (error instanceof VneidFlowError) return fail(c, error.reason, error.message);
          throw error;
        }
        const identity = v.safeParse(VerifiedIdentity, claims);
        if (!identity.success) return fail(c, 'invalid', 'the ID token has no valid CCCD claim');
        const result = await signInWithVneid({
          ctx: c.get('ctx'),
          keys: deps.accountKeys,
          identity: identity.output,
          as: flow.as,
          device: { ip: c.get('clientAddress'), userAgent: c.req.header('User-Agent') ?? null },
        });
        if (!result.ok) return fail(c, result.reason, 'no account to link');
        setSessionCookie(c, deps, result.token);
        return c.redirect(back('ok'), 302);
      },
    );
}
