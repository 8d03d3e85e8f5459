import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { ConfigError } from '@gov/runtime';

const run = promisify(execFile);

/** Where Temporal keeps its state: its own login role and two databases, never the app's. */
export interface TemporalStore {
  host: string;
  port: number;
  /** A login role that owns both databases (trust or peer authentication locally; no password). */
  role: string;
  persistenceDatabase: string;
  visibilityDatabase: string;
}

/** The schemas the SQL tool carries inside its binary, for PostgreSQL 12 and later. */
const EMBEDDED = { persistence: 'postgresql/v12/temporal', visibility: 'postgresql/v12/visibility' } as const;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Idempotent: the role and the two databases, created through the superuser connection when missing. */
async function ensureRoleAndDatabases(adminUrl: string, store: TemporalStore, log: (line: string) => void): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(hashtext('gov-one-stop:temporal-store'))`;
    const [role] = await sql`select 1 from pg_roles where rolname = ${store.role}`;
    if (!role) {
      log(`creating role ${store.role} for Temporal`);
      await sql.unsafe(`create role ${quote(store.role)} login nosuperuser nocreaterole nocreatedb`);
    }
    for (const database of [store.persistenceDatabase, store.visibilityDatabase]) {
      const [found] = await sql`select 1 from pg_database where datname = ${database}`;
      if (found) continue;
      log(`creating database ${database} for Temporal`);
      await sql.unsafe(`create database ${quote(database)} owner ${quote(store.role)}`);
    }
  } finally {
    await sql`select pg_advisory_unlock_all()`.catch(() => undefined);
    await sql.end({ timeout: 1 });
  }
}

async function hasVersionTable(store: TemporalStore, database: string): Promise<boolean> {
  const sql = postgres({ host: store.host, port: store.port, username: store.role, database, max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select to_regclass('public.schema_version') is not null as present`;
    return row?.present === true;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * Creates or upgrades Temporal's persistence and visibility schemas with its own SQL tool
 * (`temporal-sql-tool`): `setup-schema -v 0.0` once to create its version table, then
 * `update-schema` to the newest version the tool carries. Re-running it changes nothing.
 */
export async function ensureTemporalSchemas(args: { sqlTool: string; adminUrl: string; store: TemporalStore; log: (line: string) => void }): Promise<void> {
  const { sqlTool, store, log } = args;
  await ensureRoleAndDatabases(args.adminUrl, store, log);
  for (const [kind, database] of [
    ['persistence', store.persistenceDatabase],
    ['visibility', store.visibilityDatabase],
  ] as const) {
    const base = ['--plugin', 'postgres12', '--ep', store.host, '--port', String(store.port), '--user', store.role, '--db', database];
    try {
      if (!(await hasVersionTable(store, database))) await run(sqlTool, [...base, 'setup-schema', '-v', '0.0']);
      await run(sqlTool, [...base, 'update-schema', '--schema-name', EMBEDDED[kind]]);
    } catch (error) {
      const detail = ((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n').pop();
      throw new ConfigError(
        `cannot create Temporal's ${kind} schema in database ${database} as ${store.role}: ${detail}. Check that PostgreSQL lets ${store.role} connect.`,
      );
    }
  }
  log(`Temporal schemas ready in ${store.persistenceDatabase} and ${store.visibilityDatabase}`);
}
