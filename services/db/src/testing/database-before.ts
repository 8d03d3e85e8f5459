import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrls } from '@gov/runtime';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { ensureRolesAndDatabase } from '../setup/ensure-roles.js';
import { MIGRATIONS_DIR, runMigrations } from '../setup/run-migrations.js';

/** A throwaway database that stands where the schema stood before one migration. */
export interface DatabaseBefore {
  /**
   * A superuser inside it: exempt from RLS, so a test writes rows as the old code left them
   * (the migration under test must then mend them under FORCE RLS as the owner).
   */
  admin: postgres.Sql;
  /** Runs the migration under test and every one after it, as `npm run setup` would. */
  migrateRest(): Promise<void>;
  /** Drops the database and the cut copy of the migrations. */
  drop(): Promise<void>;
}

/** The migrations folder as it stood before `tag`: the same files, the journal cut there. */
async function migrationsBefore(tag: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(path, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  if (cut < 1) throw new Error(`${tag} is not in the journal`);
  await writeFile(path, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return dir;
}

/**
 * For a migration that rewrites existing rows: a new database on the test server, migrated up to
 * just before `tag`. The test writes legacy rows with `admin`, calls `migrateRest()`, and checks
 * what the migration made of them.
 */
export async function databaseBefore(tag: string, server: { databaseUrl: string; adminDatabaseUrl: string }): Promise<DatabaseBefore> {
  const name = `gov_before_${randomUUID().slice(0, 8)}`;
  const app = new URL(server.databaseUrl);
  app.pathname = `/${name}`;
  const maintenance = new URL(server.adminDatabaseUrl);
  maintenance.pathname = '/postgres';
  const urls = { ...databaseUrls({ DATABASE_URL: app.toString() }), admin: maintenance.toString() };
  const inside = new URL(urls.admin);
  inside.pathname = `/${name}`;

  await ensureRolesAndDatabase(urls.admin, name, () => {});
  const oldMigrations = await migrationsBefore(tag);
  const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
  await migrate(drizzle(owner), { migrationsFolder: oldMigrations }).finally(() => owner.end({ timeout: 1 }));
  const admin = postgres(inside.toString(), { max: 1, onnotice: () => {} });
  return {
    admin,
    migrateRest: () => runMigrations(urls.owner),
    async drop() {
      await admin.end({ timeout: 1 });
      await rm(oldMigrations, { recursive: true, force: true });
      const sql = postgres(urls.admin, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`).finally(() => sql.end());
    },
  };
}
