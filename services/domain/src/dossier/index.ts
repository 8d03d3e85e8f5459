export { dossierWorkflowId, handOverWorkflowId, transitionEventKey } from './ids.js';
export { DOSSIER_ACTIONS, PARENT_LEVEL_ACTIONS, DossierActor, DossierActionInputs, type DossierAction, type DossierActionInput } from './actions.js';
export type { DossierCalendarInput, DossierClock, DossierChannel, DossierWorkflowInput, HandOverWorkflowInput, HandOverResult } from './workflow-input.js';
export { DOSSIER_REJECTION_TYPE, type DossierView, type DossierRejection } from './view.js';
export { AnswerConsultation, type ConsultationAnswered, type OpenedConsultation } from './consultation.js';
