import { homedir } from 'node:os';
import { join } from 'node:path';
import { DatabaseEnv, localCaFlag, parseEnv, SigningEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';

const Port = (fallback: string) => v.pipe(v.optional(v.string(), fallback), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(65535));

export const ScriptsEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...SigningEnv.entries,
  /** Local development issues missing province certificates from the local test CA; the API is told so by `npm start`. */
  PDF_SIGNING_LOCAL_CA: localCaFlag('true'),
  API_PORT: Port('3000'),
  /** `npm run start:cluster`: where its load balancer listens (the API processes take the ports after it). */
  CLUSTER_PORT: Port('3000'),
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
  /**
   * Handed to the API by `npm start` when unset: the API itself has no default for it (a shared
   * environment must set its own). This value is public and for local development only.
   */
  SECOND_FACTOR_KEY: v.optional(
    v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/i, 'must be 64 hex digits')),
    '4c6f63616c2d646576656c6f706d656e742d74776f2d666163746f722d6b6579',
  ),
  /** Only to print where the VNeID stand-in listens (the stand-ins read it themselves). */
  STAND_IN_VNEID_PORT: Port('2528'),
});
export type ScriptsEnv = v.InferOutput<typeof ScriptsEnv>;

export function readScriptsEnv(): ScriptsEnv {
  return parseEnv(ScriptsEnv, process.env);
}
