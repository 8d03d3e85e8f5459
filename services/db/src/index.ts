export { createDb, type Db, type Sql, type CreateDbOptions } from './client.js';
export { pingDatabase } from './ping.js';
export * as schema from './schema/index.js';
