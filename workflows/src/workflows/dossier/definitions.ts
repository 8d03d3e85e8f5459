import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DossierAction, DossierActionInput, DossierActor, DossierView } from '@gov/domain';

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

/** The current state and, for the actor passed, the actions allowed now. */
export const dossierStateQuery = defineQuery<DossierView, [DossierActor?]>('dossierState');

/**
 * A hand-over child tells its parent when a supplement stops and restarts the clock, so the
 * overall promised date (owned by the parent) moves by the paused working time.
 */
export const clockSignal = defineSignal<[{ paused: boolean; at: number }]>('dossierClock');
