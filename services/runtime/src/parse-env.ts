import * as v from 'valibot';

/** A configuration problem a person can fix: printed as one line, never as a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type EnvSchema = v.GenericSchema<Record<string, string | undefined>, unknown>;

/**
 * Parses environment variables once, at start-up, against a valibot schema.
 * The first problem is reported as `NAME: what is wrong (got "value")`, which is what
 * an operator needs to fix it.
 */
export function parseEnv<S extends EnvSchema>(schema: S, source: Record<string, string | undefined>): v.InferOutput<S> {
  const result = v.safeParse(schema, source);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const key = issue.path?.map((p) => String(p.key)).join('.') ?? 'environment';
  const got = typeof issue.input === 'string' ? ` (got "${issue.input}")` : '';
  throw new ConfigError(`${key}: ${issue.message}${got}`);
}

/** The items of a comma-separated variable, trimmed, empty ones dropped. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
