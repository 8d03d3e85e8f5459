import { commaList, DatabaseEnv, LogEnv, parseEnv, portVariable, TelemetryEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';

/** `01=key,79=key` as a record by province code; null when a pair is malformed. */
function apiKeysByProvince(value: string): Record<string, string> | null {
  const pairs = commaList(value).map((pair) => /^([^=\s]+)=(\S+)$/.exec(pair));
  if (pairs.some((match) => match === null)) return null;
  return Object.fromEntries(pairs.map((match) => [match![1]!, match![2]!]));
}

export const WorkerEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...LogEnv.entries,
  ...TelemetryEnv.entries,
  /** The worker's operations listener (/livez, /readyz, /metrics): an internal address only. */
  WORKER_HTTP_PORT: portVariable('9465'),
  WORKER_HTTP_HOST: v.optional(v.string(), '127.0.0.1'),
  /**
   * Where Temporal's own runtime serves its Prometheus metrics (workflow task and activity
   * latencies, poller and cache state); the worker's /metrics appends them.
   */
  TEMPORAL_METRICS_ADDRESS: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9466')),
    '127.0.0.1:9466',
  ),
  /** Where applicant emails go: the local mail sink of `npm start` by default, a real relay in production. */
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must be smtp://host:port or smtps://…')), 'smtp://127.0.0.1:2525'),
  /** The SMS gateway endpoint taking `POST { id, to, text }`: the local SMS sink by default. */
  SMS_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:2526/sms'),
  MAIL_FROM: v.optional(v.string(), 'Hệ thống một cửa điện tử <khong-tra-loi@motcua.local>'),
  /** How often the outbox relay looks for work when idle. */
  /** The API's ACCOUNT_CODE_SECRET: one-time codes are derived from it, never stored in clear. */
  ACCOUNT_CODE_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-account-code-secret'),
  /** Where people open the platform, for the links in account emails. */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:3000'),
  /** The national public-service portal's dossier-sync API: the local stand-in by default (docs/domain/national-portal-sync.md). */
  NATIONAL_PORTAL_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:2534'),
  /** The API key the portal issued, for every province not listed in NATIONAL_PORTAL_API_KEYS; the stand-in's by default. */
  NATIONAL_PORTAL_API_KEY: v.optional(v.pipe(v.string(), v.minLength(1)), 'local-national-portal-key'),
  /** Each province's own key, `code=key` separated by commas (e.g. `01=…,79=…`); a secret. */
  NATIONAL_PORTAL_API_KEYS: v.pipe(
    v.optional(v.string(), ''),
    v.transform(apiKeysByProvince),
    // Checked after parsing, so a malformed value (a secret) is never echoed in the error.
    v.check((keys) => keys !== null, 'must be code=key pairs separated by commas'),
    v.transform((keys) => keys ?? {}),
  ),
  /** Failed sends of one record before it goes to the dead-letter list. */
  NATIONAL_PORTAL_MAX_ATTEMPTS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)), '12'),
  /** The wait before the first retry; it doubles after every failure, up to an hour. */
  NATIONAL_PORTAL_BACKOFF_MS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(10)), '5000'),
  OUTBOX_POLL_MS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(50)), '1000'),
});
export type WorkerEnv = v.InferOutput<typeof WorkerEnv>;

/** The only place the worker reads process.env (docs/code-conventions.md#environment). */
export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(WorkerEnv, source);
}
