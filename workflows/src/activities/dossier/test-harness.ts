import { randomUUID } from 'node:crypto';
import { createDb, schema as s, withTenant } from '@gov/db';
import { dossierWorkflowId, type DossierClock, type DossierView, type FormData, type ProcessSnapshot } from '@gov/domain';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { and, asc, eq } from 'drizzle-orm';
import { bundleWorkflows } from '../../bundle.js';
import { createWorker } from '../../create-worker.js';
import type { dossierWorkflow } from '../../workflows/dossier/dossier-workflow.js';
import { DOSSIER_WORKFLOW_TYPE, dossierStateQuery } from '@gov/domain/contract';
import { createDossierRow, type DossierFixture } from './testing.js';
import { testArchiveStores } from '../archive/testing.js';

/** Test-only: one task queue and one bundle per test file, a worker that can be restarted. */
export async function startHarness(urls: { databaseUrl: string; temporalAddress: string; namespace: string }) {
  const { db, sql } = createDb(urls.databaseUrl, { max: 4 });
  const taskQueue = `dossier-test-${randomUUID()}`;
  const bundle: WorkflowBundleWithSourceMap = await bundleWorkflows();
  const native = await NativeConnection.connect({ address: urls.temporalAddress });
  const connection = await Connection.connect({ address: urls.temporalAddress });
  const client = new Client({ connection, namespace: urls.namespace });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  async function startWorker() {
    worker = await createWorker({ connection: native, namespace: urls.namespace, taskQueue, bundle, db, sql, stores: testArchiveStores() });
    running = worker.run();
  }
  async function stopWorker() {
    worker?.shutdown();
    await running;
    worker = undefined;
  }
  await startWorker();

  async function startDossier(
    f: DossierFixture,
    snapshot: ProcessSnapshot,
    clock?: DossierClock,
    formData?: FormData,
  ): Promise<{ dossierId: string; handle: WorkflowHandle<typeof dossierWorkflow> }> {
    const dossierId = await createDossierRow(sql, f);
    const handle = await client.workflow.start<typeof dossierWorkflow>(DOSSIER_WORKFLOW_TYPE, {
      workflowId: dossierWorkflowId(f.tenantId, dossierId),
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [
        {
          tenantId: f.tenantId,
          dossierId,
          snapshot,
          receivedAt: new Date().toISOString(),
          channel: 'online',
          calendar: { fromYear: 2025, toYear: 2028 },
          clock,
          applicantUserId: f.citizen.userId,
          ...(formData ? { formData } : {}),
        },
      ],
    });
    return { dossierId, handle };
  }

  const view = (handle: WorkflowHandle, workflowId?: string): Promise<DossierView> =>
    (workflowId ? client.workflow.getHandle(workflowId) : handle).query(dossierStateQuery);

  /** Polls the Query until `ok` holds, with a deadline (never a blind sleep). */
  async function waitForView(workflowId: string, ok: (v: DossierView) => boolean, timeoutMs = 20_000): Promise<DossierView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await client.workflow.getHandle(workflowId).query(dossierStateQuery);
      if (ok(current)) return current;
      if (Date.now() > deadline) throw new Error(`state not reached: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const events = (tenantId: string, dossierId: string) =>
    withTenant(sql, tenantId, (tx) =>
      tx
        .select()
        .from(s.dossierEvents)
        .where(and(eq(s.dossierEvents.tenantId, tenantId), eq(s.dossierEvents.dossierId, dossierId)))
        .orderBy(asc(s.dossierEvents.occurredAt)),
    );
  /** Polls a database read until `ok` holds, with a deadline (the Query can run ahead of PostgreSQL). */
  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`condition not reached: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const waitForEvents = (tenantId: string, dossierId: string, count: number) =>
    eventually(
      () => events(tenantId, dossierId),
      (rows) => rows.length >= count,
    );
  const dossier = async (tenantId: string, dossierId: string) =>
    (
      await withTenant(sql, tenantId, (tx) =>
        tx
          .select()
          .from(s.dossiers)
          .where(and(eq(s.dossiers.tenantId, tenantId), eq(s.dossiers.id, dossierId))),
      )
    )[0]!;
  const tasks = (tenantId: string, dossierId: string) =>
    withTenant(sql, tenantId, (tx) =>
      tx
        .select()
        .from(s.tasks)
        .where(and(eq(s.tasks.tenantId, tenantId), eq(s.tasks.dossierId, dossierId))),
    );
  const notifications = async (tenantId: string, dossierId: string) =>
    (await withTenant(sql, tenantId, (tx) => tx.select().from(s.outbox).where(eq(s.outbox.topic, 'notification.dossier')))).filter(
      (row) => (row.payload as { dossierId: string }).dossierId === dossierId,
    );

  async function close() {
    await stopWorker();
    await Promise.allSettled([native.close(), connection.close(), sql.end({ timeout: 1 })]);
  }

  return {
    sql,
    client,
    taskQueue,
    startWorker,
    stopWorker,
    startDossier,
    view,
    waitForView,
    eventually,
    events,
    waitForEvents,
    dossier,
    tasks,
    notifications,
    close,
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
