import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** drizzle-kit's generated SQL and our hand-written SQL, in one journal. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations', import.meta.url));

/** Applies pending migrations as the owner role; already-applied ones are skipped. */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    // Serialise concurrent setups (start and test at once). The pool has one connection, so
    // the session lock and the migrations share it.
    await sql`select pg_advisory_lock(hashtext('gov-one-stop:migrations'))`;
    try {
      await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await sql`select pg_advisory_unlock(hashtext('gov-one-stop:migrations'))`;
    }
  } finally {
    await sql.end({ timeout: 1 });
  }
}
