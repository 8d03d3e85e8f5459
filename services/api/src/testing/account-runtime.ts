import { createDb } from '@gov/db';
import { spawnStandIns } from '@gov/stand-ins';
import { startOutboxRelay } from '@gov/workflows';
import { Client, Connection } from '@temporalio/client';
import { standInTransports } from './stand-in-transports.js';

/**
 * Test-only: what delivers account codes beside the API — the stand-ins as their own process and
 * an outbox relay that drains only account messages, with the code secret the API is given.
 */
export async function startAccountRuntime(a: {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  codeSecret: string;
  publicUrl: string;
  env: NodeJS.ProcessEnv;
}) {
  const standIns = await spawnStandIns({ env: a.env });
  const { sql } = createDb(a.databaseUrl, { max: 2 });
  const connection = await Connection.connect({ address: a.temporalAddress });
  const relay = startOutboxRelay({
    sql,
    engine: { client: new Client({ connection, namespace: a.namespace }), taskQueue: 'account-runtime-unused' },
    tenantIds: () => [],
    intervalMs: 100,
    transports: standInTransports(standIns),
    accounts: { codeSecret: a.codeSecret, publicUrl: a.publicUrl },
  });
  async function close() {
    await relay.stop();
    await Promise.allSettled([standIns.stop(), connection.close(), sql.end({ timeout: 1 })]);
  }
  return { standIns, close };
}
