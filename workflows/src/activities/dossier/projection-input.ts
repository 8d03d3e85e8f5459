import type { OpenedConsultation, TenantRole } from '@gov/domain';

/**
 * One transition of a dossier as the workflow hands it to PostgreSQL. Instants are ISO 8601.
 * `dossier` is a patch: a hand-over child and its parent each write only the columns they own,
 * so their projections never overwrite each other.
 */
export interface TransitionProjection {
  tenantId: string;
  dossierId: string;
  workflowId: string;
  /** `${workflowId}:${stepKey}:${transitionSeq}`: the idempotency key (dossier_events.event_key). */
  eventKey: string;
  kind: string;
  actorUserId: string | null;
  fromStep: string | null;
  toStep: string | null;
  content: Record<string, unknown>;
  stepDueAt: string | null;
  deadlineMet: boolean | null;
  occurredAt: string;
  dossier: {
    /** Set by the dossier's own workflow only, never by a hand-over child. */
    workflowId?: string;
    /** The hand-over child that owns the step actions now; the dossier's own workflow only. */
    handOverWorkflowId?: string | null;
    nationalStatus?: number;
    localStatus?: string;
    currentUnitId?: string;
    dueAt?: string | null;
    overdueAt?: string | null;
    finishedAt?: string | null;
    returnedAt?: string | null;
  };
  tasks: {
    /** Step keys whose open task is done now. */
    complete?: string[];
    /** The task for the step entered now (opened again if the step is revisited). */
    open?: { stepKey: string; orgUnitId: string; role: TenantRole; dueAt: string | null; assigneeUserId: string | null };
    /** Reassign the open task of a step. */
    assign?: { stepKey: string; assigneeUserId: string };
    /** The dossier left processing (refused, stopped, withdrawn): no task stays open. */
    cancelOpen?: boolean;
  };
  /**
   * Consultation requests (lấy ý kiến) this transition opens, answers or finds overdue; each is
   * written to the asking province's copy and, for another province's unit, to its copy too.
   */
  consultations?: {
    open?: OpenedConsultation[];
    answer?: { id: string; answer: string; answeredBy: string; answeredAt: string };
    overdue?: string[];
  };
  /** A message to the applicant, queued in the outbox exactly once with the event. */
  notify?: { template: string };
}
