import { ACCESS_REVISION_TRIGGERS } from '@gov/db';
import { DISTRIBUTION_COLUMN, tablesPlaced } from '@gov/db/distribution';
import type postgres from 'postgres';
import { errorText } from './probes.js';

/**
 * Places every table as TABLE_PLACEMENT says, on a migrated coordinator. Citus cannot place an
 * existing web of foreign keys table by table: making `tenants` a reference table turns every
 * table with a key to it into a coordinator-local Citus table, and a local table can then be
 * neither distributed while others point at it nor pointed at by a distributed one. So the keys
 * are taken off, the tables placed (reference tables first, then the tenant tables co-located),
 * and the keys put back, each one checked again by Citus. Local tables stay on the coordinator;
 * those with a key to a reference table become Citus-managed local tables.
 * Returns one line per table and per refused key: what happened.
 */
export async function distributeTables(owner: postgres.Sql, shardCount: number): Promise<{ table: string; outcome: string }[]> {
  // The access revision's triggers (migration 0072) write `users`, a reference table, from a
  // change on a shard, with nextval: Citus refuses both ("functions used in UPDATE queries on
  // distributed tables must not be VOLATILE"; a distributed write from a shard). Without them the
  // API finds no trigger and reads an officer's grants on every request (load-actor.ts).
  for (const { table, trigger } of ACCESS_REVISION_TRIGGERS) await owner.unsafe(`drop trigger if exists ${ident(trigger)} on ${ident(table)}`);
  const keys = await owner<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace order by 1, 2`;
  for (const key of keys) await owner.unsafe(`alter table ${ident(key.table)} drop constraint ${ident(key.name)}`);
  const results: { table: string; outcome: string }[] = [];
  const attempt = async (table: string, run: () => Promise<unknown>) => {
    try {
      await run();
      results.push({ table, outcome: 'ok' });
    } catch (error) {
      results.push({ table, outcome: `FAILED: ${errorText(error)}` });
    }
  };
  for (const table of tablesPlaced('reference')) await attempt(table, () => owner`select create_reference_table(${table})`);
  await owner.unsafe(`set citus.shard_count = ${Number(shardCount)}`);
  // All in one co-location group: the first starts it, the others join it.
  const tenantTables = tablesPlaced('tenant');
  const [first] = tenantTables;
  for (const table of tenantTables) {
    const colocate = table === first ? 'none' : first!;
    await attempt(table, () => owner`select create_distributed_table(${table}, ${DISTRIBUTION_COLUMN}, colocate_with => ${colocate})`);
  }
  const before = results.length;
  for (const key of keys) {
    await attempt(`${key.table}.${key.name}`, () => owner.unsafe(`alter table ${ident(key.table)} add constraint ${ident(key.name)} ${key.definition}`));
  }
  const keyResults = results.splice(before);
  const refused = keyResults.filter((r) => r.outcome !== 'ok');
  results.push(...refused, { table: `(${keys.length} foreign keys put back)`, outcome: `${keyResults.length - refused.length} accepted by Citus` });
  const [groups] = await owner<{ n: number }[]>`
    select count(distinct colocationid)::int as n from pg_dist_partition where logicalrelid::text = any(${tenantTables})`;
  results.push({ table: `(${tenantTables.length} tenant tables)`, outcome: `in ${groups?.n} co-location group(s)` });
  return results;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
