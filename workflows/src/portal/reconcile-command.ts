import { createDb, schema } from '@gov/db';
import { ConfigError } from '@gov/runtime';
import { asc, eq } from 'drizzle-orm';
import { readWorkerEnv } from '../env.js';
import { portalSyncOptions } from './from-env.js';
import { reconcileNationalPortal } from './reconcile.js';

/**
 * `npm run portal:reconcile [-- --province <code>]`: our latest status of every dossier queued
 * for the national portal against what the portal's lookup answers, per province, with the
 * worker's configuration (docs/domain/national-portal-sync.md). Prints one line per difference;
 * exit 1 when a difference has no record left to send (a loss to act on), 0 otherwise.
 */
async function main() {
  const env = readWorkerEnv();
  const index = process.argv.indexOf('--province');
  const only = index > 0 ? process.argv[index + 1] : undefined;
  const { sql, db } = createDb(env.DATABASE_URL, { max: 1 });
  const { portal } = portalSyncOptions(env);
  try {
    const provinces = await db
      .select({ id: schema.tenants.id, code: schema.tenants.code, name: schema.tenants.name })
      .from(schema.tenants)
      .where(only ? eq(schema.tenants.code, only) : undefined)
      .orderBy(asc(schema.tenants.code));
    if (only && provinces.length === 0) throw new ConfigError(`no province with code ${only}`);
    let lost = 0;
    for (const province of provinces) {
      const report = await reconcileNationalPortal({ sql, portal, tenantId: province.id });
      console.log(`${province.code} ${province.name}: ${report.checked} dossiers checked, ${report.differences.length} differ`);
      for (const d of report.differences) {
        const why = d.dead > 0 ? `${d.dead} dead (replay it)` : d.waiting > 0 ? `${d.waiting} waiting to be sent` : 'nothing left to send';
        if (d.waiting === 0) lost += 1;
        console.log(`  ${d.dossierCode}: ours ${d.ours}, portal ${d.portal ?? 'none'} — ${why}`);
      }
    }
    if (lost > 0) process.exitCode = 1;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `portal:reconcile: ${error.message}` : error);
  process.exit(1);
});
