import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createDb } from '@gov/db';
import { setupDatabase } from '@gov/db/setup';
import { ensureLocalCa, ensureProvinceCertificate, type IssuingProvince } from '@gov/documents';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv, type ScriptsEnv } from './env.js';

/**
 * The local test CA and one signing certificate per province, keys encrypted under
 * PDF_SIGNING_PASSPHRASE (docs/operations/pdf-signing.md). Certificates already there, made
 * before or installed from a licensed CA, are kept. With PDF_SIGNING_LOCAL_CA=false nothing is
 * made: setup only names the provinces still without a certificate.
 */
async function setupSigning(env: ScriptsEnv, provinces: IssuingProvince[]) {
  const dir = env.PDF_SIGNING_DIR;
  if (!env.PDF_SIGNING_LOCAL_CA) {
    const missing: string[] = [];
    for (const p of provinces)
      await access(join(dir, 'units', `${p.code}.p12`)).catch(() => {
        missing.push(p.code);
      });
    console.log(
      missing.length === 0
        ? `signing certificates: all ${provinces.length} provinces have one in ${dir}`
        : `signing certificates: missing for provinces ${missing.join(', ')} in ${dir}/units (their forms cannot be issued)`,
    );
    return;
  }
  const ca = await ensureLocalCa(dir, env.PDF_SIGNING_PASSPHRASE);
  let created = 0;
  for (const p of provinces) if ((await ensureProvinceCertificate(dir, env.PDF_SIGNING_PASSPHRASE, p)).created) created += 1;
  console.log(
    `signing: local test CA ${ca.created ? 'created' : 'kept'} in ${dir}; ${created} province certificates issued, ${provinces.length - created} kept`,
  );
}

/** `npm run setup`: roles, database, migrations, reference data and signing certificates; safe to run again. */
async function main() {
  const env = readScriptsEnv();
  const urls = databaseUrls(env);
  const counts = await setupDatabase(urls, (line) => console.log(line));
  console.log(`database ${urls.databaseName} ready: ${counts.provinces} provinces, ${counts.adminUnits} commune-level units`);
  const { sql } = createDb(urls.owner, { max: 1 });
  try {
    const provinces = await sql<IssuingProvince[]>`select code, name, full_name as "fullName" from tenants order by code`;
    await setupSigning(env, provinces);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `setup: ${error.message}` : error);
  process.exit(1);
});
