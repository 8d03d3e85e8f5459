import { homedir } from 'node:os';
import { join } from 'node:path';
import { DatabaseEnv, parseEnv, SigningEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';

const Port = (fallback: string) => v.pipe(v.optional(v.string(), fallback), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(65535));

export const ScriptsEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...SigningEnv.entries,
  API_PORT: Port('3000'),
  TEMPORAL_UI_PORT: Port('8233'),
  /** Only to print where the API's and the worker's operations listeners are. */
  API_METRICS_PORT: Port('9464'),
  WORKER_HTTP_PORT: Port('9465'),
  /** A Temporal CLI binary to use instead of building one. */
  TEMPORAL_CLI_PATH: v.optional(v.string()),
  /** Built tools are cached here, outside the repo, so fresh clones reuse them. */
  GOV_CACHE_DIR: v.optional(v.string(), join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gov-one-stop')),
  PATH: v.optional(v.string(), ''),
  /** The API's key for the CCCD digest: the demo seed links the demo citizen to their VNeID identity with it. */
  CITIZEN_ID_DIGEST_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-citizen-id-secret'),
  /** Only to print where the VNeID stand-in listens (the stand-ins read it themselves). */
  STAND_IN_VNEID_PORT: Port('2528'),
});
export type ScriptsEnv = v.InferOutput<typeof ScriptsEnv>;

export function readScriptsEnv(): ScriptsEnv {
  return parseEnv(ScriptsEnv, process.env);
}
