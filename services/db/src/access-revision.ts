import type { Sql } from './client.js';

/**
 * The triggers (migration 0072) that renew `users.access_revision` in the same transaction as
 * any change to a user's role assignments or to their units' parents. The API keeps an officer's
 * grants between requests only where the first of them exists; the Citus rehearsal drops all
 * three, which Citus cannot run (docs/operations/citus.md).
 */
export const ACCESS_REVISION_TRIGGERS = [
  { table: 'role_assignments', trigger: 'role_assignments_raise_access_revision' },
  { table: 'role_assignments', trigger: 'role_assignments_truncate_access_revision' },
  { table: 'org_units', trigger: 'org_units_raise_access_revision' },
] as const;

/** Whether this database renews the access revision on a role change (its row trigger exists). */
export async function renewsAccessRevision(sql: Sql): Promise<boolean> {
  const { table, trigger } = ACCESS_REVISION_TRIGGERS[0];
  const [row] = await sql<{ renewed: boolean }[]>`
    select exists (select 1 from pg_trigger where tgrelid = ${table}::regclass and tgname = ${trigger}) as renewed`;
  return row?.renewed ?? false;
}
