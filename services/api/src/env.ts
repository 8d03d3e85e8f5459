import { fileURLToPath } from 'node:url';
import { parseSecondFactorKey, type PaymentGatewayConfig } from '@gov/core';
import { DatabaseEnv, LogEnv, parseEnv, portVariable, SigningEnv, TelemetryEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';
import type { VneidConfig } from './vneid.js';

const Port = v.pipe(
  v.optional(v.string(), '3000'),
  v.transform(Number),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be a TCP port (1–65535)'),
  v.maxValue(65535, 'must be a TCP port (1–65535)'),
);

const Secret = (fallback: string) => v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), fallback);
const isLoopback = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
/** https, except for a provider on this machine (the local VNeID stand-in). */
const ProviderUrl = v.pipe(
  v.string(),
  v.url('must be a URL like https://vneid.example.gov.vn'),
  v.check((url) => url.startsWith('https://') || (url.startsWith('http://') && isLoopback(url)), 'must be https (plain http only for 127.0.0.1 or localhost)'),
);

export const ApiEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...LogEnv.entries,
  ...TelemetryEnv.entries,
  ...SigningEnv.entries,
  API_PORT: Port,
  /**
   * /metrics (with /livez and /readyz) on a listener of its own, never the public one: bind it to
   * an address only the monitoring network reaches. 0 picks a free port.
   */
  API_METRICS_PORT: portVariable('9464'),
  API_METRICS_HOST: v.optional(v.string(), '127.0.0.1'),
  API_HOST: v.optional(v.string(), '127.0.0.1'),
  /** The address users reach the platform at; https makes session cookies `Secure`. */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('must be a URL like https://motcua.example.gov.vn')), 'http://127.0.0.1:3000'),
  /**
   * How many reverse proxies in front of the API append the client to `X-Forwarded-For`. 0 (the
   * default) believes no header: the client is the TCP peer. Set it to the exact number of proxies,
   * or a client could pick the address its rate limits are counted under.
   */
  TRUSTED_PROXY_HOPS: v.pipe(
    v.optional(v.string(), '0'),
    v.transform(Number),
    v.integer('must be a whole number'),
    v.minValue(0, 'must be 0 or more'),
    v.maxValue(5, 'must be 5 or fewer'),
  ),
  /** Where the built web app lives; the API serves it so the SPA and API share an origin. */
  WEB_DIST_DIR: v.optional(v.string()),
  /** Dossier attachments (`<tenant id>/<sha256>` below it); local development keeps them in `.data/files`. */
  FILES_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), fileURLToPath(new URL('../../../.data/files', import.meta.url))),
  /** Archive storage: archived dossiers' files, same keys (docs/domain/archive-and-retention.md); the worker's ARCHIVE_DIR. */
  ARCHIVE_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), fileURLToPath(new URL('../../../.data/archive', import.meta.url))),
  /** DejaVuSans.ttf and DejaVuSans-Bold.ttf, embedded in the printed forms (Debian: fonts-dejavu-core). */
  PDF_FONT_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), '/usr/share/fonts/truetype/dejavu'),
  /**
   * Signs the QR lookup token printed on receipts. The default is for local development only:
   * set a long random value in every shared environment (rotating it voids printed QR codes).
   */
  STATUS_TOKEN_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-status-secret'),
  /**
   * Derives and hashes one-time codes (sign-up, password reset, invitations); the worker must hold
   * the same value to send them. Local-development default only: set a long random value.
   */
  ACCOUNT_CODE_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-account-code-secret'),
  /** Keys the stored digest of citizens' CCCD numbers; rotating it unlinks every account from its ID number. */
  CITIZEN_ID_DIGEST_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-citizen-id-secret'),
  /**
   * "Đăng nhập bằng VNeID": the OpenID Connect provider's issuer URL (its discovery document is
   * read from `<issuer>/.well-known/openid-configuration`). The defaults are the local stand-in's.
   */
  OIDC_ISSUER: v.optional(ProviderUrl, 'http://127.0.0.1:2528'),
  OIDC_CLIENT_ID: v.optional(v.pipe(v.string(), v.minLength(1)), 'gov-one-stop-local'),
  OIDC_CLIENT_SECRET: Secret('local-development-vneid-client-secret'),
  /** Registered with the provider; defaults to PUBLIC_URL + /api/auth/vneid/callback. */
  OIDC_REDIRECT_URL: v.optional(v.pipe(v.string(), v.url('must be a URL ending in /api/auth/vneid/callback'))),
  OIDC_SCOPE: v.optional(v.pipe(v.string(), v.includes('openid', 'must include openid')), 'openid profile citizen_id'),
  /** The ID token claim with the CCCD number (12 digits) that accounts are linked by. */
  OIDC_CITIZEN_ID_CLAIM: v.optional(v.pipe(v.string(), v.minLength(1)), 'citizen_id'),
  /**
   * Seals administrators' authenticator secrets at rest (AES-256-GCM): 32 random bytes as 64 hex
   * digits or base64 (`openssl rand -hex 32`). No default: `npm start` and the tests pass a
   * development key; losing or changing it means every admin must have their factor reset.
   */
  SECOND_FACTOR_KEY: v.pipe(
    v.optional(v.string(), ''),
    v.nonEmpty('is required: 32 random bytes as 64 hex digits (openssl rand -hex 32)'),
    v.check((text) => parseSecondFactorKey(text) !== null, 'must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)'),
    v.transform((text) => parseSecondFactorKey(text)!),
  ),
  /** Signs the 10-minute cookie holding state, nonce and the PKCE verifier. Local default only. */
  OIDC_STATE_SECRET: Secret('local-development-oidc-state-secret'),
  /** The national payment platform's gateway: the local stand-in of `npm start` by default. */
  PAYMENT_GATEWAY_URL: v.optional(
    v.pipe(
      v.string(),
      v.url('must be a URL like https://payment.example.gov.vn'),
      v.check((url) => url.startsWith('https://') || isLoopback(url), 'must be https (plain http only for 127.0.0.1 or localhost)'),
    ),
    'http://127.0.0.1:2535',
  ),
  /** Mã website (vnp_TmnCode) the gateway assigned to the platform. */
  PAYMENT_MERCHANT_CODE: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,20}$/, 'must be 1–20 letters or digits')), 'MOTCUA01'),
  /** The gateway's HMAC-SHA512 secret (vnp_HashSecret). Local default only: the stand-in's. */
  PAYMENT_SECRET: Secret('local-development-payment-secret'),
});
export type ApiEnv = v.InferOutput<typeof ApiEnv>;

/** The payment gateway's settings; the return page is under PUBLIC_URL. */
export function paymentConfig(env: ApiEnv): PaymentGatewayConfig {
  return { url: env.PAYMENT_GATEWAY_URL, merchantCode: env.PAYMENT_MERCHANT_CODE, secret: env.PAYMENT_SECRET, publicUrl: env.PUBLIC_URL };
}

/** The relying party's settings, with the redirect URL derived from PUBLIC_URL unless set. */
export function vneidConfig(env: ApiEnv): VneidConfig {
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl: env.OIDC_REDIRECT_URL ?? new URL('/api/auth/vneid/callback', env.PUBLIC_URL).href,
    scope: env.OIDC_SCOPE,
    citizenIdClaim: env.OIDC_CITIZEN_ID_CLAIM,
    stateSecret: env.OIDC_STATE_SECRET,
  };
}

/** The only place the API reads process.env (docs/code-conventions.md#environment). */
export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  return parseEnv(ApiEnv, source);
}
