import { DatabaseEnv, LogEnv, parseEnv, TemporalEnv } from '@gov/runtime';
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
  API_PORT: Port,
  API_HOST: v.optional(v.string(), '127.0.0.1'),
  /** The address users reach the platform at; https makes session cookies `Secure`. */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('must be a URL like https://motcua.example.gov.vn')), 'http://127.0.0.1:3000'),
  /** Where the built web app lives; the API serves it so the SPA and API share an origin. */
  WEB_DIST_DIR: v.optional(v.string()),
});
export type ApiEnv = v.InferOutput<typeof ApiEnv>;

/** The only place the API reads process.env (STYLE.md rule 7). */
export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  return parseEnv(ApiEnv, source);
}
