// What the API and the workflows agree on. Imported as `@gov/domain/contract`, apart from the
// rest of the domain, so the web app's bundle does not pull in Temporal's definitions.
export {
  DOSSIER_WORKFLOW_TYPE,
  dossierWorkflowStart,
  actionUpdates,
  confirmOnlinePaymentUpdate,
  answerConsultationUpdate,
  dossierStateQuery,
  clockSignal,
  type ActionUpdates,
} from './dossier-workflow.js';
export {
  outboxMessage,
  type OutboxPayloads,
  type OutboxTopic,
  type StartDossierPayload,
  type DossierNotificationPayload,
  type PaymentReceiptPayload,
} from './outbox-topics.js';
export type { PortalDossierRecord } from './portal-sync.js';
export {
  FEEDBACK_WORKFLOW_TYPE,
  feedbackAnsweredSignal,
  feedbackWorkflowId,
  feedbackWorkflowStart,
  type FeedbackMessage,
  type FeedbackWorkflowInput,
} from './feedback-workflow.js';
