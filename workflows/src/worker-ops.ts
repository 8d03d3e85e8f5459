import { pingDatabase, type Sql } from '@gov/db';
import { createMetricsRegistry, registerPoolMetrics, startOpsServer, type OpsServer } from '@gov/runtime';
import type { Connection } from '@temporalio/client';
import { registerOutboxMetrics } from './outbox/outbox-metrics.js';
import { pingTemporalClient } from './traced-client.js';

export interface WorkerOpsArgs {
  host: string;
  port: number;
  sql: Sql;
  /** The pool's application_name (see createDb), how its connections are counted. */
  applicationName: string;
  temporal: Connection;
  /** Where Temporal's runtime serves its Prometheus metrics (Runtime.install), appended to ours. */
  temporalMetricsAddress: string;
}

/**
 * The worker's operations listener: /livez; /readyz (PostgreSQL and Temporal answer); /metrics
 * with pool use, outbox backlog and lag, Node's own metrics and Temporal's runtime metrics
 * (workflow task schedule-to-start and execution latency, activity latency, sticky cache).
 */
export function startWorkerOps(a: WorkerOpsArgs): Promise<OpsServer> {
  const registry = createMetricsRegistry();
  registerPoolMetrics(registry, a.sql, a.applicationName);
  registerOutboxMetrics(registry, a.sql);
  return startOpsServer({
    host: a.host,
    port: a.port,
    registry,
    checks: { database: () => pingDatabase(a.sql), temporal: () => pingTemporalClient(a.temporal) },
    extraMetrics: async () => (await fetch(`http://${a.temporalMetricsAddress}/metrics`)).text(),
  });
}
