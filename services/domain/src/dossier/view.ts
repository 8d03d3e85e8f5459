import type { DossierAction } from './actions.js';

/** Result of the `dossierState` Query: what the API and web show, and the actions allowed now. */
export interface DossierView {
  workflowId: string;
  tenantId: string;
  dossierId: string;
  step: {
    index: number;
    key: string;
    kind: string;
    name: string;
    orgUnitId: string;
    role: string;
    /** The named outcomes the officer completing this step chooses among (a branch by choice); empty otherwise. */
    outcomes?: { key: string; label: string }[];
  };
  nationalStatus: number;
  localStatus: string;
  assigneeUserId: string | null;
  /** Deadlines, ISO 8601: intake (8 working hours), the current step, the overall promised date. */
  intakeDueAt: string | null;
  stepDueAt: string | null;
  dueAt: string | null;
  nearDue: boolean;
  overdue: boolean;
  /** Supplement during processing: the clock is stopped since this instant. */
  pausedSince: string | null;
  pausedWorkingMinutes: number;
  /** The latest apology letter (Form 04): its new date is the one shown to the applicant. */
  apology: {
    reason: string;
    newDueAt: string;
    issuedAt: string;
    beforeDeadline: boolean;
    /** Letters issued so far, this one included. */
    count: number;
    nearDue: boolean;
    /** The new date passed unfinished too: another letter is due. */
    overdue: boolean;
  } | null;
  feePending: boolean;
  /** The hand-over (liên thông) child that owns step actions right now, if any. */
  activeHandOverWorkflowId: string | null;
  /** Transitions projected so far (one dossier_events row each). */
  transitions: number;
  done: boolean;
  /** Allowed for the actor passed to the Query (empty when none is passed). */
  allowedActions: DossierAction[];
}

/**
 * Why an action was refused. Workflows throw it as the single `details` entry of a non-retryable
 * `ApplicationFailure` of type `DossierActionRejected` (message = `en`), so callers read
 * `failure.details[0]` and show `vi` to officers.
 */
export interface DossierRejection {
  code: 'wrong_state' | 'wrong_role' | 'wrong_unit' | 'not_allowed' | 'invalid_input';
  vi: string;
  en: string;
}

export const DOSSIER_REJECTION_TYPE = 'DossierActionRejected';
