import type { DatabaseUrls } from '@gov/runtime';
import { ensureServer } from './ensure-server.js';
import { ensureRolesAndDatabase } from './ensure-roles.js';
import { runMigrations } from './run-migrations.js';
import { seedAdminUnits, type SeedCounts } from './seed-admin-units.js';
import { seedCatalog } from './seed-catalog.js';

/** The whole idempotent setup: server up, roles and database, migrations, reference data. */
export async function setupDatabase(urls: DatabaseUrls, log: (line: string) => void): Promise<SeedCounts> {
  await ensureServer(urls.admin, log);
  await ensureRolesAndDatabase(urls.admin, urls.databaseName, log);
  await runMigrations(urls.owner);
  const counts = await seedAdminUnits(urls.owner);
  await seedCatalog(urls.owner);
  return counts;
}
