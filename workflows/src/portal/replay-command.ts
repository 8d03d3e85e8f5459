import { createDb, schema } from '@gov/db';
import { ConfigError } from '@gov/runtime';
import { eq } from 'drizzle-orm';
import { readWorkerEnv } from '../env.js';
import { replayDeadLetters } from './replay-dead-letters.js';

/**
 * `npm run portal:replay -- --province <code>`: puts every dead national-portal record of the
 * province back in the queue (after the portal or the data was fixed), audited; the running
 * worker's relay then sends them in order (docs/domain/national-portal-sync.md).
 */
async function main() {
  const env = readWorkerEnv();
  const index = process.argv.indexOf('--province');
  const code = index > 0 ? process.argv[index + 1] : undefined;
  if (!code) throw new ConfigError('name the province: npm run portal:replay -- --province <code>');
  const { sql, db } = createDb(env.DATABASE_URL, { max: 1 });
  try {
    const [province] = await db.select({ id: schema.tenants.id, name: schema.tenants.name }).from(schema.tenants).where(eq(schema.tenants.code, code));
    if (!province) throw new ConfigError(`no province with code ${code}`);
    const replayed = await replayDeadLetters(sql, province.id);
    console.log(`${code} ${province.name}: ${replayed.length} dead record(s) queued again`);
    for (const r of replayed) console.log(`  record ${r.id} (dossier ${r.dossierId}, #${r.seq})`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `portal:replay: ${error.message}` : error);
  process.exit(1);
});
