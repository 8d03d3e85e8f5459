import { randomUUID } from 'node:crypto';
import { createDb, schema } from '@gov/db';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { bundleWorkflows } from '../bundle.js';
import { createWorker } from '../create-worker.js';
import { platformProbeWorkflow } from './platform-probe.js';
import { testArchiveStores } from '../activities/archive/testing.js';

// Against the real dev server: a worker on its own task queue, the workflow bundled once.
const namespace = inject('temporalNamespace');
const taskQueue = `probe-test-${randomUUID()}`;
const { db, sql } = createDb(inject('databaseUrl'), { max: 2 });
let worker: Worker;
let running: Promise<void>;
let client: Client;
let nativeConnection: NativeConnection;
let connection: Connection;

beforeAll(async () => {
  const address = inject('temporalAddress');
  nativeConnection = await NativeConnection.connect({ address });
  worker = await createWorker({ connection: nativeConnection, namespace, taskQueue, bundle: await bundleWorkflows(), db, sql, stores: testArchiveStores() });
  running = worker.run();
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace });
});

afterAll(async () => {
  worker.shutdown();
  await running;
  await Promise.allSettled([nativeConnection.close(), connection.close(), sql.end({ timeout: 1 })]);
});

describe('platformProbeWorkflow', () => {
  it('runs an activity that writes to PostgreSQL, exactly once per workflow id', async () => {
    const workflowId = `probe-${randomUUID()}`;
    const result = await client.workflow.execute(platformProbeWorkflow, {
      workflowId,
      taskQueue,
      args: [{ message: 'xin chào' }],
    });
    expect(result).toBe(workflowId);
    const rows = await db.select().from(schema.workflowProbes).where(eq(schema.workflowProbes.workflowId, workflowId));
    expect(rows).toEqual([expect.objectContaining({ workflowId, message: 'xin chào' })]);
  });
});
