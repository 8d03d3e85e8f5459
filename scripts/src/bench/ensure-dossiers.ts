import { createDb } from '@gov/db';
import { setupDatabase } from '@gov/db/setup';
import type { DatabaseUrls } from '@gov/runtime';
import { loadSyntheticDossiers } from '../synthetic/load.js';
import { maintenanceUrl } from '../synthetic/maintenance-url.js';

/** Tops the table up to `target` dossiers with the synthetic generator; answers how many there are. */
export async function ensureDossiers(urls: DatabaseUrls, target: number, seed: number, log: (line: string) => void): Promise<number> {
  await setupDatabase(urls, log);
  const { sql } = createDb(maintenanceUrl(urls), { max: 1 });
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from dossiers`.finally(() => sql.end({ timeout: 1 }));
  const have = row?.n ?? 0;
  if (have >= target) return have;
  log(`${have.toLocaleString('en-US')} dossiers, ${target.toLocaleString('en-US')} wanted: generating the rest`);
  await loadSyntheticDossiers(urls, { dossiers: target - have, seed, reset: false, asOf: new Date(), log });
  return target;
}
