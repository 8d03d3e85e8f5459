import type { DossierActor, DossierWorkflowInput } from '../dossier/index.js';
import type { FeedbackMessage, FeedbackWorkflowInput } from './feedback-workflow.js';

/**
 * The outbox's topics and what each row carries. A row is written in the same transaction as the
 * change it announces and delivered by the relay beside the worker; writer and reader both type
 * their payloads from here.
 */
export interface OutboxPayloads {
  /** (Re)starts a dossier's workflow if the API's own start after commit did not happen. */
  'dossier.start': StartDossierPayload;
  /** A message to the applicant about their dossier, rendered from a template at delivery. */
  'notification.dossier': DossierNotificationPayload;
  /** The electronic receipt (biên lai điện tử) of a payment confirmed by the payment platform. */
  'payment.receipt': PaymentReceiptPayload;
  /** Starts a feedback item's workflow; written in the same transaction as the item. */
  'feedback.start': { input: FeedbackWorkflowInput };
  /** Tells a feedback item's workflow that the item was answered. */
  'feedback.answered': { tenantId: string; feedbackId: string };
  /** A message about a feedback item: a reminder or an escalation to officers, the answer to its author. */
  'notification.feedback': { feedbackId: string; message: FeedbackMessage };
}

export interface PaymentReceiptPayload {
  paymentId: string;
}

export type OutboxTopic = keyof OutboxPayloads;

export interface StartDossierPayload {
  input: DossierWorkflowInput;
  /** Counter intake: the officer who received the complete dossier accepts it at once. */
  acceptBy?: DossierActor;
}

export interface DossierNotificationPayload {
  dossierId: string;
  template: string;
  /** The transition that caused it, so the message can quote that event. */
  eventKey?: string;
}

/** A typed outbox row body: the topic and a payload of that topic's shape. */
export function outboxMessage<T extends OutboxTopic>(topic: T, payload: OutboxPayloads[T]): { topic: T; payload: OutboxPayloads[T] } {
  return { topic, payload };
}
