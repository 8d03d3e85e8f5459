/** The fields PostgreSQL reports with an error, as postgres.js exposes them. */
export interface PgError {
  code: string;
  constraint_name?: string;
}

/** The PostgreSQL error behind an exception, unwrapping drizzle's DrizzleQueryError. */
export function pgError(error: unknown): PgError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (typeof (e as PgError).code === 'string' && (e as { name?: string }).name === 'PostgresError') return e as PgError;
  }
  return undefined;
}
