import { DatabaseEnv, LogEnv, parseEnv, TemporalEnv } from '@gov/runtime';
import * as v from 'valibot';

export const WorkerEnv = v.object({
  ...DatabaseEnv.entries,
  ...TemporalEnv.entries,
  ...LogEnv.entries,
});
export type WorkerEnv = v.InferOutput<typeof WorkerEnv>;

/** The only place the worker reads process.env (STYLE.md rule 7). */
export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(WorkerEnv, source);
}
