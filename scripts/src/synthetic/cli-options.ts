import { ConfigError } from '@gov/runtime';

/** A non-negative whole-number option (`1_000_000` is accepted), or a ConfigError naming it. */
export function countOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new ConfigError(`--${name}: expected a whole number (got "${value}")`);
  }
  return n;
}

/** `util.parseArgs` rejected the command line (unknown option, missing value). */
export function isUsageError(error: unknown): error is TypeError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
