// Entry point bundled into the workflow sandbox: only deterministic code may be reachable from here.
import type { DOSSIER_WORKFLOW_TYPE, FEEDBACK_WORKFLOW_TYPE } from '@gov/domain/contract';
import type * as workflowTypes from './index.js';
export { platformProbeWorkflow, type PlatformProbeInput } from './platform-probe.js';
export { dossierWorkflow } from './dossier/dossier-workflow.js';
export { handOverWorkflow } from './dossier/hand-over-workflow.js';
export { feedbackWorkflow } from './feedback/feedback-workflow.js';
export { archiveRunWorkflow, type ArchiveRunInput, type ArchiveRunResult } from './archive/archive-run-workflow.js';

// Temporal names a workflow type after its exported function; this stops compiling if the export
// and the contract's DOSSIER_WORKFLOW_TYPE part ways.
export type DossierWorkflowByContractName = Pick<typeof workflowTypes, typeof DOSSIER_WORKFLOW_TYPE>;
export type FeedbackWorkflowByContractName = Pick<typeof workflowTypes, typeof FEEDBACK_WORKFLOW_TYPE>;
