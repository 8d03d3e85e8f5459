export { bundleWorkflows, PREBUILT_WORKFLOWS_PATH, WORKFLOWS_PATH, workflowsForWorker } from './bundle.js';
export { createWorker, type CreateWorkerArgs } from './create-worker.js';
export { SEARCH_ATTRIBUTES } from './search-attributes.js';
export type { PlatformProbeInput } from './workflows/index.js';
export { startOutboxRelay, type OutboxRelay, type RelayOptions } from './outbox/relay.js';
export { createTransports, createNotificationActivities, renderMessage, type Transports, type ZnsConfig } from './activities/notifications/index.js';
export { registerOutboxMetrics } from './outbox/outbox-metrics.js';
export { pingTemporalClient, tracedWorkflowClient } from './traced-client.js';
export { startWorkerOps, type WorkerOpsArgs } from './worker-ops.js';
