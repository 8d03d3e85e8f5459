import { createDb } from '@gov/db';
import { databaseUrls } from '@gov/runtime';
import { bundleWorkflows, createWorker } from '@gov/workflows';
import { NativeConnection } from '@temporalio/worker';
import { readScriptsEnv } from '../env.js';
import { benchFileStores } from './bench-files.js';

/**
 * The dossier worker for `npm run bench:dossiers`, in a process of its own so the bench can count
 * the API's CPU apart from the workflows' and activities' (the worker is a separate deployable in
 * production too). Takes the task queue as its one argument, says "ready" on stdout once polling,
 * and stops on SIGTERM after draining (Worker.run() handles the signal).
 */
async function main() {
  const taskQueue = process.argv[2];
  if (!taskQueue) throw new Error('usage: bench-worker <task queue>');
  const env = readScriptsEnv();
  const { db, sql } = createDb(databaseUrls(env).app, { max: 8 });
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue,
    bundle: await bundleWorkflows(),
    db,
    sql,
    stores: benchFileStores(),
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  await running;
  await Promise.allSettled([connection.close(), sql.end({ timeout: 2 })]);
}

main().catch((error: unknown) => {
  console.error('bench-worker:', error);
  process.exit(1);
});
