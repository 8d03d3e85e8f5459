import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '@gov/core';
import { createDb } from '@gov/db';
import { DEBIAN_DEJAVU_DIR, SigningKeys } from '@gov/documents';
import type { DossierClock } from '@gov/domain';
import { createLogger } from '@gov/runtime';
import { TEST_ARCHIVE_DIR, TEST_FILES_DIR } from '@gov/testing';
import { inject } from 'vitest';
import type { ApiDeps } from './app-env.js';
import { TEST_SECOND_FACTOR_KEY, testSecondFactorClock } from './testing/authenticators.js';
import { createTemporalConnection, createWorkflowClient } from './temporal.js';

export { TEST_ARCHIVE_DIR, TEST_FILES_DIR };
/** Where the printed forms' QR codes point in tests. */
export const TEST_PUBLIC_URL = 'http://127.0.0.1:3000';
export const TEST_STATUS_SECRET = 'test-status-token-secret-0123456789';
/** Shared with the worker a suite runs, so it can send the codes the API issues. */
/**
 * The test signing keys: a local CA of their own under the temporary folder (made on first use,
 * shared by the suites of one machine), issuing each test province's certificate as it signs.
 */
export const TEST_SIGNING = new SigningKeys({
  dir: join(tmpdir(), 'gov-one-stop-test-signing'),
  passphrase: 'test-pdf-signing-passphrase-0123',
  issueMissing: true,
});
export const TEST_ACCOUNT_KEYS = { codeSecret: 'test-account-code-secret-0123456789', citizenIdSecret: 'test-citizen-id-secret-0123456789' };

/**
 * Real dependencies for in-process API tests: the test database and the test Temporal server.
 * Dossier workflows go to `taskQueue` (a fresh, worker-less queue unless a suite runs a worker).
 */
export function createTestDeps(
  overrides: { databaseUrl?: string; temporalAddress?: string; taskQueue?: string; clock?: DossierClock; poolSize?: number } = {},
) {
  const { db, sql } = createDb(overrides.databaseUrl ?? inject('databaseUrl'), { max: overrides.poolSize ?? 2, connectTimeout: 2 });
  const temporal = createTemporalConnection(overrides.temporalAddress ?? inject('temporalAddress'));
  const client = createWorkflowClient(temporal, inject('temporalNamespace'));
  const engine = { client, taskQueue: overrides.taskQueue ?? `api-test-${randomUUID()}`, ...(overrides.clock ? { clock: overrides.clock } : {}) };
  const deps: ApiDeps = {
    db,
    sql,
    temporal,
    logger: createLogger('silent', 'api-test'),
    accountKeys: TEST_ACCOUNT_KEYS,
    secondFactorKey: TEST_SECOND_FACTOR_KEY,
    secondFactorClock: testSecondFactorClock,
    dossiers: {
      engine,
      files: new FileStore(TEST_FILES_DIR),
      archiveFiles: new FileStore(TEST_ARCHIVE_DIR),
      statusTokenSecret: TEST_STATUS_SECRET,
      accountKeys: TEST_ACCOUNT_KEYS,
      forms: { publicUrl: TEST_PUBLIC_URL, fontDir: DEBIAN_DEJAVU_DIR, signing: TEST_SIGNING },
    },
    // No gateway listens here: suites that pay (online-payment.test.ts) point it at the stand-in.
    payments: { url: 'http://127.0.0.1:9', merchantCode: 'MOTCUA01', secret: 'test-payment-secret-0123456789', publicUrl: TEST_PUBLIC_URL },
  };
  const close = async () => {
    await Promise.allSettled([sql.end({ timeout: 1 }), temporal.close()]);
  };
  return { deps, close };
}
