export { bundleWorkflows, WORKFLOWS_PATH } from './bundle.js';
export { createWorker, type CreateWorkerArgs } from './create-worker.js';
export { SEARCH_ATTRIBUTES } from './search-attributes.js';
export type { PlatformProbeInput } from './workflows/index.js';
