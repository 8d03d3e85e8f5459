import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { dossierWorkflowId } from '../dossier/ids.js';
import type { OnlinePaymentConfirmation } from '../payment/online-payment.js';
import type { AnswerConsultation, ConsultationAnswered } from '../dossier/consultation.js';
import type { DossierAction, DossierActionInput, DossierActor, DossierView, DossierWorkflowInput } from '../dossier/index.js';

/**
 * The dossier workflow's contract: its type name, how it is started, its Updates, Query and
 * Signal. The API, the outbox relay and the workflow code all import these, so a name lives in
 * one place. Only definitions (plain objects) are here, safe for both Node and the sandbox.
 */
export const DOSSIER_WORKFLOW_TYPE = 'dossierWorkflow';

/**
 * Start options for a dossier's workflow, idempotent: the id is derived from tenant and dossier
 * and a second start returns the running workflow, so the API, a client retry and the outbox
 * relay may all start it.
 */
export function dossierWorkflowStart(input: DossierWorkflowInput, taskQueue: string) {
  return {
    workflowId: dossierWorkflowId(input.tenantId, input.dossierId),
    taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    args: [input] as [DossierWorkflowInput],
  };
}

/** One Workflow Update per action, named after it; each returns the dossier's view afterwards. */
const u = <A extends DossierAction>(name: A) => defineUpdate<DossierView, [DossierActionInput<A>], A>(name);

export type ActionUpdates = { [A in DossierAction]: ReturnType<typeof u<A>> };

export const actionUpdates: ActionUpdates = {
  accept: u('accept'),
  refuse: u('refuse'),
  requestSupplement: u('requestSupplement'),
  submitSupplement: u('submitSupplement'),
  assign: u('assign'),
  forward: u('forward'),
  returnToPrevious: u('returnToPrevious'),
  handOver: u('handOver'),
  approve: u('approve'),
  requestFee: u('requestFee'),
  recordPayment: u('recordPayment'),
  recordApology: u('recordApology'),
  returnResult: u('returnResult'),
  stop: u('stop'),
  withdraw: u('withdraw'),
};

/**
 * The payment platform's verified notification: the pending fee is paid online. Not an action of
 * a person (no actor, no CASL); the API sends it only after checking the signature and amount.
 */
export const confirmOnlinePaymentUpdate = defineUpdate<DossierView, [OnlinePaymentConfirmation], 'confirmOnlinePayment'>('confirmOnlinePayment');

/** The current state and, for the actor passed, the actions allowed now. */
export const dossierStateQuery = defineQuery<DossierView, [DossierActor?]>('dossierState');

/**
 * A hand-over child tells its parent when a supplement stops and restarts the clock, so the
 * overall promised date (owned by the parent) moves by the paused working time.
 */
export const clockSignal = defineSignal<[{ paused: boolean; at: number }]>('dossierClock');

/**
 * An officer of a consulted unit answers its request (lấy ý kiến, docs/domain/consultations.md).
 * The API checks who may answer; the workflow refuses an unknown or already answered request.
 */
export const answerConsultationUpdate = defineUpdate<ConsultationAnswered, [AnswerConsultation], 'answerConsultation'>('answerConsultation');
