export { createApp } from './app.js';
export type { ApiDeps } from './app-env.js';
export { createTemporalConnection, pingTemporal } from './temporal.js';
