import postgres from 'postgres';

/**
 * The three roles of docs/architecture.md. Their names are fixed because policies and grants in the
 * migrations name them.
 * - gov_owner owns the schema and runs migrations;
 * - gov_app is the API/worker login: not the owner, NOBYPASSRLS, and NOINHERIT, so being a member
 *   of gov_ministry (to `SET LOCAL ROLE` into it inside read-only transactions) gives it none of
 *   the ministry's cross-tenant policies by inheritance;
 * - gov_ministry is read-only oversight and cannot log in.
 */
export const APP_ROLES = { owner: 'gov_owner', app: 'gov_app', ministry: 'gov_ministry' } as const;

const CREATE_ROLES = `
do $$
begin
  if not exists (select from pg_roles where rolname = 'gov_owner') then
    create role gov_owner login nosuperuser nocreaterole nocreatedb;
  end if;
  if not exists (select from pg_roles where rolname = 'gov_app') then
    create role gov_app login noinherit nobypassrls nosuperuser nocreaterole nocreatedb;
  end if;
  if not exists (select from pg_roles where rolname = 'gov_ministry') then
    create role gov_ministry nologin nobypassrls nosuperuser nocreaterole nocreatedb;
  end if;
end
$$;
alter role gov_app noinherit nobypassrls;
grant gov_ministry to gov_app;
`;

/** Idempotent: creates the roles and the database only when missing. Needs a superuser. */
export async function ensureRolesAndDatabase(adminUrl: string, databaseName: string, log: (line: string) => void): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // Two set-ups at once (a running `npm start` and `npm test`) would race on the role catalog.
    await sql`select pg_advisory_lock(hashtext('gov-one-stop:roles'))`;
    await sql.unsafe(CREATE_ROLES);
    const name = `"${databaseName.replaceAll('"', '""')}"`;
    const [existing] = await sql`select 1 from pg_database where datname = ${databaseName}`;
    if (!existing) {
      log(`creating database ${databaseName}`);
      await sql.unsafe(`create database ${name} owner gov_owner`);
    }
    await sql.unsafe(`revoke all on database ${name} from public`);
    await sql.unsafe(`grant connect, temporary on database ${name} to gov_app`);
  } finally {
    await sql`select pg_advisory_unlock_all()`.catch(() => undefined);
    await sql.end({ timeout: 1 });
  }
}
