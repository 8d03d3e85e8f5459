import { createDb } from '@gov/db';
import { ConfigError, createLogger } from '@gov/runtime';
import { NativeConnection } from '@temporalio/worker';
import { bundleWorkflows } from './bundle.js';
import { createWorker } from './create-worker.js';
import { readWorkerEnv } from './env.js';

async function main() {
  const env = readWorkerEnv();
  const logger = createLogger(env.LOG_LEVEL, 'worker');
  const { db, sql } = createDb(env.DATABASE_URL);
  const bundle = await bundleWorkflows();
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    bundle,
    db,
    sql,
  });
  logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, namespace: env.TEMPORAL_NAMESPACE }, 'worker running');
  // Worker.run() handles SIGINT/SIGTERM itself: it drains in-flight tasks, then resolves.
  await worker.run();
  await Promise.allSettled([connection.close(), sql.end({ timeout: 5 })]);
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`worker: configuration error: ${error.message}`);
  } else {
    console.error('worker: failed', error);
  }
  process.exit(1);
});
