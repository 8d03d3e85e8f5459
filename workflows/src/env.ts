import { DatabaseEnv, LogEnv, parseEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';

export const WorkerEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...LogEnv.entries,
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
  OUTBOX_POLL_MS: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(50)), '1000'),
});
export type WorkerEnv = v.InferOutput<typeof WorkerEnv>;

/** The only place the worker reads process.env (STYLE.md rule 7). */
export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(WorkerEnv, source);
}
