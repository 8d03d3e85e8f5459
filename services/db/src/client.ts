import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { preparedByDefault } from './prepared-client.js';
import * as schema from './schema/index.js';

export type Sql = postgres.Sql;
export type Db = ReturnType<typeof createDb>['db'];

export interface CreateDbOptions {
  /** Pool size; a 2-core API process gains nothing beyond ~10. */
  max?: number;
  /** Seconds to wait for a connection before failing, so a dead server fails fast. */
  connectTimeout?: number;
  /** Names the pool's connections in pg_stat_activity (how its pool-use gauges find them). */
  applicationName?: string;
}

/** One pool per process, created by the deployable's entry point and passed down. */
export function createDb(url: string, options: CreateDbOptions = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeout ?? 5,
    onnotice: () => {},
    // Seconds before a closed connection connects again, by failures in a row: the driver's
    // default reaches 20 s, which kept an API answering 503 for that long after PostgreSQL was
    // back; a 2 s ceiling is a handful of connection attempts per process and second at most.
    backoff: (failures) => Math.min(0.1 * 2 ** failures, 2),
    ...(options.applicationName ? { connection: { application_name: options.applicationName } } : {}),
    // Prepared statements are what win back the transaction round trips under RLS; drizzle's
    // queries only get them through preparedByDefault.
    prepare: true,
  });
  const db = drizzle(preparedByDefault(sql), { schema, casing: 'snake_case' });
  return { sql, db };
}
