import type { Db, Sql } from '@gov/db';
import type { Tracing } from '@gov/runtime';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import type { NativeConnection } from '@temporalio/worker';
import { Worker, type WorkflowBundlePath, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from './activities/index.js';
import type { ArchiveStores } from './activities/archive/index.js';

export interface CreateWorkerArgs {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Built in this process from the sources, or the file `npm run build` made. */
  bundle: WorkflowBundleWithSourceMap | WorkflowBundlePath;
  db: Db;
  sql: Sql;
  /** Live and archive file storage (FILES_DIR, ARCHIVE_DIR), for the archive run. */
  stores: ArchiveStores;
  /** Where workflow spans go (they are made in the sandbox and leave through a sink); none: dropped. */
  tracing?: Pick<Tracing, 'resource' | 'spanProcessor'>;
  /** The sticky cache's size (TEMPORAL_MAX_CACHED_WORKFLOWS); Temporal's default, sized from the heap limit, when absent (tests). */
  maxCachedWorkflows?: number;
}

const SHUTDOWN_GRACE = '10 seconds';
const SHUTDOWN_FORCE = '30 seconds';

/**
 * A worker for the dossier task queue, from an already-built workflow bundle (which includes the
 * OpenTelemetry workflow interceptors, so the `exporter` sink is always registered). Activities
 * run in a span that continues the workflow's trace.
 */
export function createWorker({ connection, namespace, taskQueue, bundle, db, sql, stores, tracing, maxCachedWorkflows }: CreateWorkerArgs) {
  const spans = tracing ?? { resource: Resource.empty(), spanProcessor: new NoopSpanProcessor() };
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: bundle,
    maxCachedWorkflows,
    activities: createActivities({ db, sql, stores }),
    interceptors: {
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(spans.spanProcessor, spans.resource) },
    // On SIGTERM running activities get this long to finish before they are cancelled; every
    // activity is safe to run again, so the next worker retries what was cut short.
    shutdownGraceTime: SHUTDOWN_GRACE,
    // And the worker gives up waiting after this, so a deploy or restart never hangs on an
    // activity that ignores its cancellation (an outside system that never answers).
    shutdownForceTime: SHUTDOWN_FORCE,
  });
}
