import type { Sql } from '@gov/db';
import { SYNTHETIC_WORKFLOW_PREFIX } from './dossier-line.js';

/**
 * `--reset`: removes earlier synthetic dossiers. When they are all the table holds and nothing
 * references any dossier (a benchmark or development database), TRUNCATE: instant, and the
 * table and its indexes start compact. A DELETE of a million rows takes over a minute (each row
 * checks the seven referencing tables) and leaves the table twice its size until vacuumed.
 * Otherwise DELETE only the synthetic rows. The check runs under ACCESS EXCLUSIVE locks, so
 * nothing can arrive between it and the TRUNCATE.
 */
export async function resetSyntheticDossiers(sql: Sql): Promise<string> {
  return sql.begin(async (tx) => {
    const referencing = await tx<{ name: string }[]>`
      select distinct conrelid::regclass::text as name from pg_constraint
      where confrelid = 'dossiers'::regclass and contype = 'f' and conrelid <> confrelid`;
    const tables = ['dossiers', ...referencing.map((r) => r.name)];
    await tx.unsafe(`lock table ${tables.join(', ')} in access exclusive mode`);
    const [real] = await tx<{ found: boolean }[]>`
      select exists (select from dossiers where workflow_id is null or workflow_id not like ${SYNTHETIC_WORKFLOW_PREFIX + '%'}) as found`;
    let referenced = false;
    for (const table of referencing) {
      const [row] = await tx.unsafe<{ found: boolean }[]>(`select exists (select from ${table.name}) as found`);
      referenced ||= row?.found ?? true;
    }
    if (!real?.found && !referenced) {
      // The referencing tables are empty: truncating them along is what TRUNCATE requires. TRUNCATE
      // fires no row trigger, so the counts kept from the dossiers (migrations 0059, 0066) go with them.
      await tx.unsafe(`truncate ${[...tables, 'dossier_counts', 'dossier_province_months'].join(', ')}`);
      return 'truncated dossiers (every row was synthetic)';
    }
    const deleted = await tx`delete from dossiers where workflow_id like ${SYNTHETIC_WORKFLOW_PREFIX + '%'}`;
    return `deleted ${deleted.count} synthetic dossiers`;
  });
}
