// Entry point bundled into the workflow sandbox: only deterministic code may be reachable from here.
export { platformProbeWorkflow, type PlatformProbeInput } from './platform-probe.js';
export { dossierWorkflow } from './dossier/dossier-workflow.js';
export { handOverWorkflow } from './dossier/hand-over-workflow.js';
export { actionUpdates, dossierStateQuery, clockSignal } from './dossier/definitions.js';
