import { commaList, DatabaseEnv, LogEnv, parseEnv, portVariable, TelemetryEnv, TemporalEnv } from '@gov/runtime';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';

/**
 * `key=value,key=value` → a record; both sides must be non-empty. Checked after splitting, so a
 * malformed value (often a secret: access tokens, API keys) is never echoed in the error.
 */
const pairs = (fallback: string, message = 'must be key=value pairs separated by commas') =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.transform((text) =>
      commaList(text).map((pair) => {
        const at = pair.indexOf('=');
        return at < 0 ? (['', ''] as const) : ([pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const);
      }),
    ),
    v.check((entries) => entries.every(([key, value]) => key.length > 0 && value.length > 0), message),
    v.transform((entries) => Object.fromEntries(entries)),
  );

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
  /**
   * Dossier workflows this worker keeps in memory between their tasks (Temporal's sticky cache,
   * `maxCachedWorkflows`). The least recently used is evicted when it is full and replays its
   * history from Temporal on its next task, so the worker's memory stays flat however many
   * dossiers are open; docs/operations/capacity-per-dossier.md says what one costs.
   */
  TEMPORAL_MAX_CACHED_WORKFLOWS: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.integer(),
      v.check((n) => n === 0 || n >= 2, 'must be 0 (no cache: every task replays) or at least 2'),
    ),
    '250',
  ),
  /** Where applicant emails go: the local mail sink of `npm start` by default, a real relay in production. */
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must be smtp://host:port or smtps://…')), 'smtp://127.0.0.1:2525'),
  /** The SMS gateway endpoint taking `POST { id, to, text }`: the local SMS sink by default. */
  SMS_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:2526/sms'),
  MAIL_FROM: v.optional(v.string(), 'Hệ thống một cửa điện tử <khong-tra-loi@motcua.local>'),
  /** The platform's SMS brand name (tên định danh), for provinces that registered none of their own. */
  SMS_BRANDNAME: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9 ._-]{1,11}$/, 'at most 11 letters, digits, spaces, dots, dashes')), 'MOTCUA'),
  /** Zalo's ZNS API (https://business.openapi.zalo.me in production): the local ZNS stand-in by default. */
  ZNS_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:2529'),
  /** The platform Official Account's ZNS access token (a secret; the stand-in takes any). */
  ZNS_ACCESS_TOKEN: v.optional(v.pipe(v.string(), v.minLength(1)), 'local-development-zns-token'),
  /** A province's own Official Account tokens: `oaId=token,oaId=token`; a province without one sends from the platform's OA. */
  ZNS_OA_ACCESS_TOKENS: pairs(''),
  /** Approved ZNS template ids per message kind, `dossier.accepted=231002,…`, and `*` for any other kind. */
  ZNS_TEMPLATE_IDS: pairs(
    '*=100000,dossier.submitted=100001,dossier.accepted=100002,dossier.refused=100003,dossier.supplement_requested=100004,dossier.fee_requested=100005,dossier.apology=100006,dossier.result_returned=100007',
  ),
  /** How often the outbox relay looks for work when idle. */
  /** The API's ACCOUNT_CODE_SECRET: one-time codes are derived from it, never stored in clear. */
  ACCOUNT_CODE_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-account-code-secret'),
  /** Where people open the platform, for the links in account emails and the survey link of the result message. */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:3000'),
  /** The e-invoice provider's API (electronic receipts of fees paid online): the local stand-in by default. */
  EINVOICE_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:2536'),
  EINVOICE_USERNAME: v.optional(v.pipe(v.string(), v.minLength(1)), 'motcua-local'),
  /** The provider account's password. Local default only: the stand-in's. */
  EINVOICE_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(8, 'must be at least 8 characters')), 'local-development-einvoice-password'),
  /** Mã số thuế the receipts are issued under: 10 digits, or 10 and a 3-digit branch. */
  EINVOICE_SELLER_TAX_CODE: v.optional(v.pipe(v.string(), v.regex(/^\d{10}(-\d{3})?$/, 'must be 10 digits, or 10 digits-3 digits')), '0100000000'),
  /** The national public-service portal's dossier-sync API: the local stand-in by default (docs/domain/national-portal-sync.md). */
  NATIONAL_PORTAL_URL: v.optional(v.pipe(v.string(), v.url()), 'http://127.0.0.1:2534'),
  /** The API key the portal issued, for every province not listed in NATIONAL_PORTAL_API_KEYS; the stand-in's by default. */
  NATIONAL_PORTAL_API_KEY: v.optional(v.pipe(v.string(), v.minLength(1)), 'local-national-portal-key'),
  /** Each province's own key, `code=key` separated by commas (e.g. `01=…,79=…`); a secret. */
  NATIONAL_PORTAL_API_KEYS: pairs('', 'must be code=key pairs separated by commas'),
  /** Failed sends of one record before it goes to the dead-letter list. */
  NATIONAL_PORTAL_MAX_ATTEMPTS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1)), '12'),
  /** The wait before the first retry; it doubles after every failure, up to an hour. */
  NATIONAL_PORTAL_BACKOFF_MS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(10)), '5000'),
  /** Dossier attachments: the API's FILES_DIR. The archive run moves archived dossiers' files out of it. */
  FILES_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), fileURLToPath(new URL('../../.data/files', import.meta.url))),
  /** Archive storage: the API's ARCHIVE_DIR (docs/domain/archive-and-retention.md). */
  ARCHIVE_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), fileURLToPath(new URL('../../.data/archive', import.meta.url))),
  OUTBOX_POLL_MS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(50)), '1000'),
});
export type WorkerEnv = v.InferOutput<typeof WorkerEnv>;

/** The only place the worker reads process.env (docs/code-conventions.md#environment). */
export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(WorkerEnv, source);
}
