export { createApp, type AppType } from './app.js';
export type { ApiDeps } from './app-env.js';
export { createTemporalConnection, createWorkflowClient, pingTemporal } from './temporal.js';
export { ApiEnv } from './env.js';
