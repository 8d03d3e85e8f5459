import * as v from 'valibot';

export const LogEnv = v.object({
  LOG_LEVEL: v.optional(v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
});
export type LogEnv = v.InferOutput<typeof LogEnv>;
