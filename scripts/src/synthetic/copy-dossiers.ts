import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql } from '@gov/db';
import { DOSSIER_COLUMNS } from './dossier-line.js';

/**
 * Streams COPY text into `dossiers` in one transaction, on a superuser connection (see
 * maintenanceUrl). `pipeline` gives backpressure: the generator is pulled only as fast as
 * PostgreSQL takes rows, so memory stays flat however many rows are loaded.
 *
 * Foreign keys: their checks are AFTER ROW triggers, queued for the end of the statement — a
 * million rows queue four million lookups that run (about half the load time) after the last
 * row, with no progress to show. `session_replication_role = replica` skips them for this
 * transaction only; the references are instead checked in bulk below, by anti-joins, before
 * commit, so a bad row still rolls the whole load back. Replica mode skips ordinary triggers
 * too, among them the one that keeps dossier_counts (migration 0059): the counts are recounted from
 * every dossier once, in bulk, before commit, instead of a trigger call per row.
 */
export async function copyDossiers(sql: Sql, lines: Iterable<string>): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const copy = await tx.unsafe(`copy dossiers (${DOSSIER_COLUMNS.join(', ')}) from stdin`).writable();
    await pipeline(Readable.from(lines), copy);
    await tx`set local session_replication_role = origin`;
    const [broken] = await tx<{ n: number }[]>`
      select count(*)::int as n from dossiers d
      where not exists (select from tenants t where t.id = d.tenant_id)
         or not exists (select from procedures p where p.id = d.procedure_id)
         or not exists (select from org_units o where o.tenant_id = d.tenant_id and o.id = d.receiving_unit_id)
         or not exists (select from org_units o where o.tenant_id = d.tenant_id and o.id = d.current_unit_id)`;
    if (broken && broken.n > 0) throw new Error(`${broken.n} dossiers reference a missing tenant, procedure or unit; load rolled back`);
    await tx`select gov_recount_dossiers()`;
  });
}
