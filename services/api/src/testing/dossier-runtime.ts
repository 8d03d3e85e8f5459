import { randomUUID } from 'node:crypto';
import { FileStore } from '@gov/core';
import { createDb } from '@gov/db';
import type { Tracing } from '@gov/runtime';
import { TEST_ARCHIVE_DIR, TEST_FILES_DIR } from '@gov/testing';
import { startMailSink, startSmsSink, startZnsServer } from '@gov/stand-ins';
import {
  ARCHIVE_RUN_WORKFLOW_TYPE,
  bundleWorkflows,
  createWorker,
  startOutboxRelay,
  tracedWorkflowClient,
  type archiveRunWorkflow,
  type ArchiveRunInput,
  type RelayOptions,
} from '@gov/workflows';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { standInTransports } from './stand-in-transports.js';

/**
 * Test-only: what `npm start` runs beside the API for dossiers — a worker on the suite's own task
 * queue, the outbox relay limited to the suite's provinces, a real local SMTP server, an SMS sink
 * and a ZNS stand-in that keep what they receive.
 */
export async function startDossierRuntime(a: {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  tenantIds: () => string[];
  tracing?: Pick<Tracing, 'resource' | 'spanProcessor'>;
  /** The e-invoice provider (a stand-in) the relay issues payment receipts with. */
  einvoice?: RelayOptions['einvoice'];
  /** The worker's file stores (the archive run's), when the API it runs beside has its own directories; the suites' shared ones otherwise. */
  fileDirs?: { live: string; archive: string };
}) {
  const { db, sql } = createDb(a.databaseUrl, { max: 4 });
  const native = await NativeConnection.connect({ address: a.temporalAddress });
  const connection = await Connection.connect({ address: a.temporalAddress });
  const worker = await createWorker({
    connection: native,
    namespace: a.namespace,
    taskQueue: a.taskQueue,
    bundle: await bundleWorkflows(),
    db,
    sql,
    stores: { live: new FileStore(a.fileDirs?.live ?? TEST_FILES_DIR), archive: new FileStore(a.fileDirs?.archive ?? TEST_ARCHIVE_DIR) },
    ...(a.tracing ? { tracing: a.tracing } : {}),
  });
  const running = worker.run();
  const mail = await startMailSink({ port: 0 });
  const sms = await startSmsSink({ port: 0 });
  const zalo = await startZnsServer({ port: 0 });
  const relay = startOutboxRelay({
    sql,
    engine: { client: tracedWorkflowClient(connection, a.namespace), taskQueue: a.taskQueue },
    transports: standInTransports({ smtpUrl: mail.url, smsUrl: sms.url, znsUrl: zalo.url }),
    intervalMs: 100,
    startGraceMs: 2_000,
    tenantIds: a.tenantIds,
    ...(a.einvoice ? { einvoice: a.einvoice } : {}),
  });
  const client = new Client({ connection, namespace: a.namespace });
  /**
   * One archive run (docs/domain/archive-and-retention.md) on this worker, as the daily schedule
   * starts it but judged by the given instant and limited to the given provinces.
   */
  const runArchive = (input: ArchiveRunInput & Required<Pick<ArchiveRunInput, 'provinces'>>) =>
    client.workflow.execute<typeof archiveRunWorkflow>(ARCHIVE_RUN_WORKFLOW_TYPE, {
      taskQueue: a.taskQueue,
      workflowId: `archive-run-test-${randomUUID()}`,
      args: [input],
    });
  async function close() {
    await relay.stop();
    worker.shutdown();
    await running;
    await Promise.allSettled([mail.close(), sms.close(), zalo.close(), native.close(), connection.close(), sql.end({ timeout: 1 })]);
  }
  return { mail, sms, zalo, relay, runArchive, close };
}
