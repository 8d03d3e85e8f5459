import { setupDatabase } from '@gov/db/setup';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from './env.js';

/** `npm run setup`: roles, database, migrations and reference data; safe to run again. */
async function main() {
  const env = readScriptsEnv();
  const urls = databaseUrls(env);
  const counts = await setupDatabase(urls, (line) => console.log(line));
  console.log(`database ${urls.databaseName} ready: ${counts.provinces} provinces, ${counts.adminUnits} commune-level units`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `setup: ${error.message}` : error);
  process.exit(1);
});
