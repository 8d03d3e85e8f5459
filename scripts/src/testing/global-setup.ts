import { databaseUrls } from '@gov/runtime';
import { setupDatabase } from '@gov/db/setup';
import type { TestProject } from 'vitest/node';
import { readScriptsEnv } from '../env.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { locateTemporalCli } from '../temporal/locate-cli.js';
import { readTestEnv } from './env.js';
import { freePort } from '@gov/testing';

const log = (line: string) => console.log(`[test setup] ${line}`);

/** Once per test run: the test database migrated and seeded, and a Temporal dev server. */
export default async function globalSetup(project: TestProject) {
  const env = readScriptsEnv();
  const testEnv = readTestEnv();
  const urls = databaseUrls({ DATABASE_URL: testEnv.TEST_DATABASE_URL });
  await setupDatabase(urls, log);
  const temporalCli = await locateTemporalCli({
    explicitPath: env.TEMPORAL_CLI_PATH,
    pathVar: env.PATH,
    cacheDir: env.GOV_CACHE_DIR,
    log,
  });
  let server: DevServer | undefined;
  if (!testEnv.TEST_TEMPORAL_ADDRESS) {
    server = await startDevServer({ cli: temporalCli, port: await freePort(), namespace: env.TEMPORAL_NAMESPACE });
  }
  project.provide('databaseUrl', urls.app);
  project.provide('ownerDatabaseUrl', urls.owner);
  const admin = new URL(urls.admin);
  admin.pathname = `/${urls.databaseName}`;
  project.provide('adminDatabaseUrl', admin.toString());
  project.provide('temporalAddress', testEnv.TEST_TEMPORAL_ADDRESS ?? server?.address ?? '');
  project.provide('temporalNamespace', env.TEMPORAL_NAMESPACE);
  project.provide('temporalCli', temporalCli);
  return async () => {
    await server?.stop();
  };
}
