import { createDb } from '@gov/db';
import { ConfigError, createLogger, poolApplicationName, startTracing } from '@gov/runtime';
import { FileStore } from '@gov/core';
import { Client, Connection } from '@temporalio/client';
import { GracefulShutdownPeriodExpiredError, NativeConnection, Runtime } from '@temporalio/worker';
import { ensureArchiveSchedule } from './archive-schedule.js';
import { createTransports } from './activities/notifications/transports.js';
import { workflowsForWorker } from './bundle.js';
import { createWorker } from './create-worker.js';
import { readWorkerEnv } from './env.js';
import { startOutboxRelay } from './outbox/relay.js';
import { portalSyncOptions } from './portal/from-env.js';
import { tracedWorkflowClient } from './traced-client.js';
import { startWorkerOps } from './worker-ops.js';

async function main() {
  const env = readWorkerEnv();
  const tracing = startTracing({ env, defaultServiceName: 'gov-worker' });
  // Once per process, before the first connection: Temporal's runtime serves its own metrics.
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: env.TEMPORAL_METRICS_ADDRESS } } } });
  const logger = createLogger(env.LOG_LEVEL, 'worker');
  const applicationName = poolApplicationName('gov-worker');
  const { db, sql } = createDb(env.DATABASE_URL, { applicationName });
  const bundle = await workflowsForWorker();
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    bundle,
    db,
    sql,
    stores: { live: new FileStore(env.FILES_DIR), archive: new FileStore(env.ARCHIVE_DIR) },
    tracing,
    maxCachedWorkflows: env.TEMPORAL_MAX_CACHED_WORKFLOWS,
  });
  // The outbox relay runs beside the worker: workflow starts the API could not make, and the
  // applicant notifications (email, SMS and Zalo).
  const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const archiveSchedule = await ensureArchiveSchedule(new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE }), env.TEMPORAL_TASK_QUEUE);
  const relay = startOutboxRelay({
    sql,
    engine: { client: tracedWorkflowClient(clientConnection, env.TEMPORAL_NAMESPACE), taskQueue: env.TEMPORAL_TASK_QUEUE },
    transports: createTransports({
      smtpUrl: env.SMTP_URL,
      smsUrl: env.SMS_URL,
      from: env.MAIL_FROM,
      smsBrandname: env.SMS_BRANDNAME,
      zns: { url: env.ZNS_URL, accessToken: env.ZNS_ACCESS_TOKEN, oaAccessTokens: env.ZNS_OA_ACCESS_TOKENS, templateIds: env.ZNS_TEMPLATE_IDS },
      publicUrl: env.PUBLIC_URL,
    }),
    intervalMs: env.OUTBOX_POLL_MS,
    accounts: { codeSecret: env.ACCOUNT_CODE_SECRET, publicUrl: env.PUBLIC_URL },
    einvoice: { url: env.EINVOICE_URL, username: env.EINVOICE_USERNAME, password: env.EINVOICE_PASSWORD, sellerTaxCode: env.EINVOICE_SELLER_TAX_CODE },
    portal: portalSyncOptions(env),
    onError: (err, row) => logger.warn({ err, outboxId: row.id, topic: row.topic }, 'outbox delivery failed; will retry'),
  });
  const ops = await startWorkerOps({
    host: env.WORKER_HTTP_HOST,
    port: env.WORKER_HTTP_PORT,
    sql,
    applicationName,
    temporal: clientConnection,
    temporalMetricsAddress: env.TEMPORAL_METRICS_ADDRESS,
  });
  logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, namespace: env.TEMPORAL_NAMESPACE, ops: ops.url, archiveSchedule }, 'worker running');
  // Worker.run() handles SIGINT/SIGTERM itself: it drains in-flight tasks, then resolves. Past its
  // shutdownForceTime it gives up on them instead; Temporal hands their tasks to another worker.
  const forced = await worker.run().then(
    () => false,
    (error: unknown) => {
      if (error instanceof GracefulShutdownPeriodExpiredError) return true;
      throw error;
    },
  );
  if (forced) logger.warn('worker stopped before its running tasks finished; they will be retried by another worker');
  await relay.stop();
  await Promise.allSettled([ops.close(), connection.close(), clientConnection.close(), sql.end({ timeout: 5 }), tracing.shutdown()]);
  logger.info('worker stopped');
  if (forced) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`worker: configuration error: ${error.message}`);
  } else {
    console.error('worker: failed', error);
  }
  process.exit(1);
});
