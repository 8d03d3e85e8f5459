export { TelemetryEnv, portVariable } from './telemetry-env.js';
export { startTracing, type Tracing, type StartTracingArgs } from './tracing.js';
export { currentTraceCarrier, withTraceCarrier, contextFromCarrier, type TraceCarrier } from './trace-carrier.js';
export { createMetricsRegistry, registerPoolMetrics, poolApplicationName, type PoolQueryable } from './metrics.js';
export { startOpsServer, checkReadiness, type OpsServer, type OpsServerArgs, type Readiness, type ReadinessChecks } from './ops-server.js';
