import type { Db, Sql } from '@gov/db';
import type { NativeConnection} from '@temporalio/worker';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from './activities/index.js';

export interface CreateWorkerArgs {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  bundle: WorkflowBundleWithSourceMap;
  db: Db;
  sql: Sql;
}

/** A worker for the dossier task queue, from an already-built workflow bundle. */
export function createWorker({ connection, namespace, taskQueue, bundle, db, sql }: CreateWorkerArgs) {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities({ db, sql }),
  });
}
