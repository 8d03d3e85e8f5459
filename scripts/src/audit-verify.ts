import { createDb, verifyAuditChain } from '@gov/db';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from './env.js';

const PROBLEMS = {
  content: 'the row no longer matches its hash (edited)',
  link: 'the row does not chain to the row before it (inserted or reordered)',
  gap: 'rows before it are missing (deleted)',
  truncated: 'the chain ends before its recorded head (rows deleted at the end)',
} as const;

/**
 * `npm run audit:verify [-- --tenant <uuid>]`: checks every tenant's hash-chained audit log and
 * names the first broken link. Exit 0 when intact, 1 when broken.
 */
async function main() {
  const env = readScriptsEnv();
  const index = process.argv.indexOf('--tenant');
  const tenantId = index > 0 ? process.argv[index + 1] : undefined;
  const { sql } = createDb(databaseUrls(env).app, { max: 1 });
  try {
    const verdict = await verifyAuditChain(sql, tenantId);
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.rows} rows in ${verdict.tenants} tenants`);
      return;
    }
    console.error(`audit chain BROKEN: tenant ${verdict.tenantId}, seq ${verdict.seq}: ${PROBLEMS[verdict.problem]}`);
    process.exitCode = 1;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `audit:verify: ${error.message}` : error);
  process.exit(1);
});
