import * as v from 'valibot';

const HostPort = v.pipe(v.string(), v.regex(/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233'));

/** One namespace per environment; tenants are told apart inside it by workflow id prefix. */
export const TemporalEnv = v.object({
  TEMPORAL_ADDRESS: v.optional(HostPort, '127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: v.optional(v.pipe(v.string(), v.minLength(1)), 'gov-one-stop'),
  TEMPORAL_TASK_QUEUE: v.optional(v.pipe(v.string(), v.minLength(1)), 'dossiers'),
});
export type TemporalEnv = v.InferOutput<typeof TemporalEnv>;
