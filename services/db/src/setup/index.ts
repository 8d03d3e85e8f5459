export { ensureServer } from './ensure-server.js';
export { ensureRolesAndDatabase, APP_ROLES } from './ensure-roles.js';
export { runMigrations, MIGRATIONS_DIR } from './run-migrations.js';
export { seedAdminUnits, type SeedCounts } from './seed-admin-units.js';
export { setupDatabase } from './setup-database.js';
export { seedCatalog, type CatalogSeedCounts } from './seed-catalog.js';
