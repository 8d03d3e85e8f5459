import { createDb } from '@gov/db';
import { createLogger } from '@gov/runtime';
import { inject } from 'vitest';
import type { ApiDeps } from './app-env.js';
import { createTemporalConnection } from './temporal.js';

/** Real dependencies for in-process API tests: the test database and the test Temporal server. */
export function createTestDeps(overrides: { databaseUrl?: string; temporalAddress?: string } = {}) {
  const { db, sql } = createDb(overrides.databaseUrl ?? inject('databaseUrl'), { max: 2, connectTimeout: 2 });
  const temporal = createTemporalConnection(overrides.temporalAddress ?? inject('temporalAddress'));
  const deps: ApiDeps = { db, sql, temporal, logger: createLogger('silent', 'api-test') };
  const close = async () => {
    await Promise.allSettled([sql.end({ timeout: 1 }), temporal.close()]);
  };
  return { deps, close };
}
