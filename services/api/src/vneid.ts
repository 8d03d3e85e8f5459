import { createHmac, timingSafeEqual } from 'node:crypto';
import { MS_PER_MINUTE } from '@gov/calendar';
import type { VneidAudience } from '@gov/core';
import * as client from 'openid-client';
import * as v from 'valibot';

/** How the API reaches the identity provider (VNeID, or the local stand-in): from env.ts. */
export interface VneidConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered with the provider; must be this API's `/api/auth/vneid/callback`. */
  redirectUrl: string;
  scope: string;
  /** The ID token claim carrying the CCCD number. */
  citizenIdClaim: string;
  /** Signs the short-lived cookie that keeps state, nonce and the PKCE verifier between the two legs. */
  stateSecret: string;
}

/** One sign-in attempt between the redirect to the provider and its answer: 10 minutes at most. */
export const FLOW_LIFETIME_MS = 10 * MS_PER_MINUTE;

/** What the browser carries, signed, from the start of a sign-in to its callback. */
const Flow = v.object({
  state: v.string(),
  nonce: v.string(),
  verifier: v.string(),
  as: v.picklist(['citizen', 'officer']),
  expiresAt: v.number(),
});
export type Flow = v.InferOutput<typeof Flow>;

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function sealFlow(secret: string, flow: Flow): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** Null for a missing, forged, malformed or expired cookie. */
export function openFlow(secret: string, sealed: string | undefined, now = Date.now()): Flow | null {
  const [payload, signature, extra] = (sealed ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const flow = v.parse(Flow, JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return flow.expiresAt > now ? flow : null;
  } catch {
    return null;
  }
}

/** Why a sign-in ended without a session; the web app words each for the user. */
export type VneidFailure = 'denied' | 'state' | 'provider' | 'invalid';

export class VneidFlowError extends Error {
  constructor(
    readonly reason: VneidFailure,
    message: string,
  ) {
    super(message);
  }
}

const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

/**
 * The relying party: discovery of the provider's metadata (read at each start, kept for the
 * callbacks), the authorization request with PKCE, state and nonce, and the callback's
 * code exchange with the ID token validated (issuer, audience, expiry, nonce and signature).
 */
export function vneidRelyingParty(config: VneidConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  /** Reads the provider's metadata afresh (and so learns it is up); a failure forgets the old one. */
  function discover(): Promise<client.Configuration> {
    discovered = client
      .discovery(new URL(config.issuer), config.clientId, { client_secret: config.clientSecret }, client.ClientSecretBasic(config.clientSecret), {
        // Plain http only for a provider on this machine (the local stand-in): env.ts refuses others.
        execute: isLoopback(config.issuer) ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  return {
    /** The provider's authorization URL and the flow to keep in the signed cookie. */
    async start(as: VneidAudience, now = Date.now()): Promise<{ url: string; flow: Flow }> {
      // Every sign-in starts from fresh metadata, so a provider that is down is said here, on our
      // page, rather than as a browser error on its address.
      const settings = await discover().catch(() => {
        throw new VneidFlowError('provider', 'discovery failed');
      });
      const flow: Flow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        as,
        expiresAt: now + FLOW_LIFETIME_MS,
      };
      const url = client.buildAuthorizationUrl(settings, {
        redirect_uri: config.redirectUrl,
        scope: config.scope,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, flow };
    },

    /**
     * Checks the provider's answer against the flow and returns the verified claims. The query is
     * put on the registered redirect URL, so a proxy in front of the API cannot change what is
     * checked.
     */
    async finish(flow: Flow, query: URLSearchParams): Promise<{ citizenId: unknown; name: unknown }> {
      if (query.get('error') === 'access_denied') throw new VneidFlowError('denied', 'the user refused at the provider');
      if (query.get('state') !== flow.state) throw new VneidFlowError('state', 'state mismatch');
      const settings = await (discovered ?? discover()).catch(() => {
        throw new VneidFlowError('provider', 'discovery failed');
      });
      const currentUrl = new URL(config.redirectUrl);
      for (const [key, value] of query) currentUrl.searchParams.append(key, value);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(settings, currentUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw classify(error);
      }
      const claims = tokens.claims();
      if (!claims) throw new VneidFlowError('invalid', 'no ID token');
      return { citizenId: claims[config.citizenIdClaim], name: claims.name };
    },
  };
}
export type VneidRelyingParty = ReturnType<typeof vneidRelyingParty>;

/** Protocol and validation failures are the answer's fault; anything else is the provider being unreachable. */
function classify(error: unknown): VneidFlowError {
  if (error instanceof client.AuthorizationResponseError) {
    return new VneidFlowError(error.error === 'access_denied' ? 'denied' : 'invalid', `authorization error ${error.error}`);
  }
  if (error instanceof client.ResponseBodyError) {
    return new VneidFlowError(error.status >= 500 ? 'provider' : 'invalid', `token endpoint error ${error.error}`);
  }
  if (error instanceof client.ClientError) {
    const code = (error as { code?: string }).code ?? '';
    // Unexpected HTTP status or a failed fetch: the provider is down or in trouble.
    if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.cause instanceof TypeError) return new VneidFlowError('provider', error.message);
    return new VneidFlowError('invalid', error.message);
  }
  if (error instanceof TypeError) return new VneidFlowError('provider', error.message);
  return new VneidFlowError('invalid', error instanceof Error ? error.message : 'unknown');
}
