import { fileURLToPath } from 'node:url';
import { DatabaseEnv, LogEnv, parseEnv, portVariable, TelemetryEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';

const Port = v.pipe(
  v.optional(v.string(), '3000'),
  v.transform(Number),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be a TCP port (1–65535)'),
  v.maxValue(65535, 'must be a TCP port (1–65535)'),
);

export const ApiEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...LogEnv.entries,
  ...TelemetryEnv.entries,
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
  /** Where the built web app lives; the API serves it so the SPA and API share an origin. */
  WEB_DIST_DIR: v.optional(v.string()),
  /** Dossier attachments (`<tenant id>/<sha256>` below it); local development keeps them in `.data/files`. */
  FILES_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), fileURLToPath(new URL('../../../.data/files', import.meta.url))),
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
});
export type ApiEnv = v.InferOutput<typeof ApiEnv>;

/** The only place the API reads process.env (docs/code-conventions.md#environment). */
export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  return parseEnv(ApiEnv, source);
}
