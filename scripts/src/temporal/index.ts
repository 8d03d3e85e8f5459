export { startDevServer, temporalReady, waitForTemporal, type DevServer, type DevServerOptions } from './dev-server.js';
export { locateTemporalCli, TEMPORAL_CLI_MODULE } from './locate-cli.js';
