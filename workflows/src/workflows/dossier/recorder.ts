import { patched, proxyActivities, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import { transitionEventKey } from '@gov/domain';
import type { Activities } from '../../activities/index.js';
import type { TransitionProjection } from '../../activities/dossier/projection-input.js';
import { currentStep, type DossierState } from './state.js';

const projectionOptions = {
  startToCloseTimeout: '30 seconds',
  // Infrastructure errors retry for as long as it takes: a transition must reach PostgreSQL.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;
const remote = proxyActivities<Activities>(projectionOptions);
// A local activity runs in the worker that runs the workflow task, without a round trip through
// the task queue: an officer's Update returns once PostgreSQL has the transition, in one
// workflow task instead of three (the action round trip benchmark).
const local = proxyLocalActivities<Activities>(projectionOptions);
/** Workflows started before local projections replay their recorded (remote) activities. */
const PROJECTION_PATCH = 'projection-as-local-activity';
const projectDossierTransition = (projection: TransitionProjection) =>
  patched(PROJECTION_PATCH) ? local.projectDossierTransition(projection) : remote.projectDossierTransition(projection);

const CHANGED_ATTRIBUTES_PATCH = 'upsert-changed-search-attributes-only';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface TransitionRecord {
  kind: string;
  actorUserId?: string | null;
  /** The step the transition left (defaults to the current one). */
  fromStepKey?: string | null;
  toStepKey?: string | null;
  content?: Record<string, unknown>;
  stepDueAt?: number | null;
  deadlineMet?: boolean | null;
  tasks?: TransitionProjection['tasks'];
  consultations?: TransitionProjection['consultations'];
  notify?: string;
}

/**
 * Turns each transition into one projection. Projections run one after another in transition
 * order (a promise chain), so a later dossier patch never lands before an earlier one, while
 * Update handlers can return as soon as their own transition is stored.
 */
export function createRecorder(state: DossierState, unitCodes: Record<string, string> = {}) {
  let chain: Promise<void> = Promise.resolve();

  /** Columns this workflow owns: the child the step columns, the parent the deadline columns. */
  function patch(): TransitionProjection['dossier'] {
    const stepColumns = { nationalStatus: state.nationalStatus, localStatus: state.localStatus, currentUnitId: currentStep(state).orgUnitId };
    if (state.isHandOver) {
      // The workflow that owns the step actions in this tenant's row: an onward link while one
      // runs, else this child (on a row shared with its parent) or nobody else (on its own row).
      const handOverWorkflowId = state.activeHandOver ?? (state.keepsOwnRow ? null : state.workflowId);
      return state.activeHandOver ? { handOverWorkflowId } : { ...stepColumns, handOverWorkflowId };
    }
    const deadlines = {
      workflowId: state.workflowId,
      // Lets the action route pick the workflow to update from PostgreSQL instead of a Query.
      // Only a field of the activity's input: the commands, and so replay, stay as they were.
      handOverWorkflowId: state.activeHandOver,
      dueAt: iso(state.apology?.newDueAt ?? state.dueAt),
      overdueAt: iso(state.overdueAt),
      finishedAt: iso(state.finishedAt),
      returnedAt: iso(state.returnedAt),
    };
    return state.activeHandOver ? deadlines : { ...stepColumns, ...deadlines };
  }

  // The attribute values last sent, so a transition that changes none sends no command: each
  // upsert is a visibility write on the Temporal server, most steps change only the status.
  const sent = new Map<string, string>();

  function upsertAttributes() {
    const unitId = currentStep(state).orgUnitId;
    const due = state.apology?.newDueAt ?? state.dueAt;
    const pairs = [
      { key: { name: 'GovTenantId', type: 'KEYWORD' as const }, value: state.tenantId },
      { key: { name: 'GovUnitCode', type: 'KEYWORD' as const }, value: unitCodes[unitId] ?? unitId },
      { key: { name: 'GovProcedureCode', type: 'KEYWORD' as const }, value: state.snapshot.procedureCode },
      { key: { name: 'GovStatus', type: 'KEYWORD' as const }, value: String(state.nationalStatus) },
      { key: { name: 'GovDueAt', type: 'DATETIME' as const }, value: due === null ? null : new Date(due) },
    ];
    // Workflows that ran before this change replay their upserts of every attribute.
    if (!patched(CHANGED_ATTRIBUTES_PATCH)) return upsertSearchAttributes(pairs);
    const changed = pairs.filter(({ key, value }) => {
      const text = value === null ? '' : value instanceof Date ? value.toISOString() : value;
      if (sent.get(key.name) === text) return false;
      sent.set(key.name, text);
      return true;
    });
    if (changed.length > 0) upsertSearchAttributes(changed);
  }

  /** Call after mutating `state`; resolves once this transition is in PostgreSQL. */
  function record(t: TransitionRecord): Promise<void> {
    state.seq += 1;
    const fromStepKey = t.fromStepKey === undefined ? currentStep(state).key : t.fromStepKey;
    const projection: TransitionProjection = {
      tenantId: state.tenantId,
      dossierId: state.dossierId,
      workflowId: state.workflowId,
      eventKey: transitionEventKey(state.workflowId, fromStepKey ?? 'dossier', state.seq),
      kind: t.kind,
      actorUserId: t.actorUserId ?? null,
      fromStep: fromStepKey,
      toStep: t.toStepKey ?? null,
      content: t.content ?? {},
      stepDueAt: iso(t.stepDueAt ?? null),
      deadlineMet: t.deadlineMet ?? null,
      occurredAt: new Date(Date.now()).toISOString(),
      dossier: patch(),
      tasks: t.tasks ?? {},
      ...(t.consultations ? { consultations: t.consultations } : {}),
      ...(t.notify ? { notify: { template: t.notify } } : {}),
    };
    upsertAttributes();
    const mine = chain.then(() => projectDossierTransition(projection));
    chain = mine;
    return mine;
  }

  return { record, settled: () => chain };
}

export type Recorder = ReturnType<typeof createRecorder>;
