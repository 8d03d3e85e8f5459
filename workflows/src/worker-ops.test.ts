import { randomUUID } from 'node:crypto';
import { createDb, schema, withTenant } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import { poolApplicationName, type OpsServer } from '@gov/runtime';
import { freePort } from '@gov/testing';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { bundleWorkflows } from './bundle.js';
import { createWorker } from './create-worker.js';
import { startWorkerOps } from './worker-ops.js';
import { platformProbeWorkflow } from './workflows/platform-probe.js';
import { testArchiveStores } from './activities/archive/testing.js';

// As the worker process wires it: Temporal's runtime serving its metrics (once per process, before
// any connection; vitest runs each test file in a process of its own), the pool named for its
// gauges, and the operations listener on a free port.
const temporalMetricsAddress = `127.0.0.1:${await freePort()}`;
Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: temporalMetricsAddress } } } });
const namespace = inject('temporalNamespace');
const taskQueue = `ops-test-${randomUUID()}`;
const applicationName = poolApplicationName('gov-worker-test');
const { db, sql } = createDb(inject('databaseUrl'), { max: 3, applicationName });
const topic = `test.metrics-${randomUUID().slice(0, 8)}`;
let native: NativeConnection;
let connection: Connection;
let worker: Worker;
let running: Promise<void>;
let ops: OpsServer;

beforeAll(async () => {
  const address = inject('temporalAddress');
  native = await NativeConnection.connect({ address });
  connection = await Connection.connect({ address });
  worker = await createWorker({ connection: native, namespace, taskQueue, bundle: await bundleWorkflows(), db, sql, stores: testArchiveStores() });
  running = worker.run();
  ops = await startWorkerOps({ host: '127.0.0.1', port: 0, sql, applicationName, temporal: connection, temporalMetricsAddress });
  // A row no relay delivers (its topic is this test's own): the backlog and lag must show it.
  const tenantId = await createTenant(inject('ownerDatabaseUrl'));
  await withTenant(sql, tenantId, (tx) => tx.insert(schema.outbox).values({ tenantId, topic, payload: {}, createdAt: new Date(Date.now() - 60_000) }));
});

afterAll(async () => {
  worker.shutdown();
  await running;
  await ops.close();
  await Promise.allSettled([native.close(), connection.close(), sql.end({ timeout: 1 })]);
});

describe("the worker's operations listener", () => {
  it('is live, and ready while PostgreSQL and Temporal answer', async () => {
    expect((await fetch(`${ops.url}/livez`)).status).toBe(200);
    const ready = await fetch(`${ops.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { ok: true }, temporal: { ok: true } } });
  });

  it("serves outbox backlog and lag, pool use and Temporal's workflow task latency", async () => {
    await new Client({ connection, namespace }).workflow.execute(platformProbeWorkflow, {
      workflowId: `ops-${randomUUID()}`,
      taskQueue,
      args: [{ message: 'đo' }],
    });
    const text = await (await fetch(`${ops.url}/metrics`)).text();
    expect(text).toContain(`outbox_backlog_rows{topic="${topic}"} 1`);
    const lag = Number(new RegExp(`outbox_lag_seconds\\{topic="${topic.replace('.', '\\.')}"\\} ([\\d.]+)`).exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(60);
    expect(text).toMatch(/db_client_connection_count\{state="used"\} [1-9]/);
    expect(text).toContain('db_client_connection_max 3');
    expect(text).toMatch(/temporal_workflow_task_execution_latency\w*_bucket\{/);
    expect(text).toMatch(/temporal_workflow_task_schedule_to_start_latency\w*_bucket\{/);
  });
});
