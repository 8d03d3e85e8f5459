// Entry point bundled into the workflow sandbox: only deterministic code may be reachable from here.
export { platformProbeWorkflow, type PlatformProbeInput } from './platform-probe.js';
