import { stepOutcomes, type DossierActor, type DossierView } from '@gov/domain';
import { allowedActions } from './rules.js';
import { currentStep, type Apology, type DossierState } from './state.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function apologyView(a: Apology | null): DossierView['apology'] {
  if (a === null) return null;
  const overdue = a.overdueAt !== null;
  return {
    reason: a.reason,
    newDueAt: new Date(a.newDueAt).toISOString(),
    issuedAt: new Date(a.issuedAt).toISOString(),
    beforeDeadline: a.beforeDeadline,
    count: a.count,
    nearDue: a.nearDueFlagged && !overdue,
    overdue,
  };
}

/** The Query result: read-only, so it may run at any time (also between history events). */
export function buildView(state: DossierState, actor?: DossierActor): DossierView {
  const step = currentStep(state);
  return {
    workflowId: state.workflowId,
    tenantId: state.tenantId,
    dossierId: state.dossierId,
    step: {
      index: state.stepIndex,
      key: step.key,
      kind: step.kind,
      name: step.name,
      orgUnitId: step.orgUnitId,
      role: step.role,
      outcomes: stepOutcomes(step),
    },
    nationalStatus: state.nationalStatus,
    localStatus: state.localStatus,
    assigneeUserId: state.assigneeUserId,
    intakeDueAt: iso(state.intakeDueAt),
    stepDueAt: iso(state.stepDueAt),
    dueAt: iso(state.dueAt),
    nearDue: state.nearDueFlagged && state.overdueAt === null,
    overdue: state.overdueAt !== null,
    pausedSince: iso(state.pausedSince),
    pausedWorkingMinutes: state.pausedWorkingMinutes,
    apology: apologyView(state.apology),
    feePending: state.feePending,
    activeHandOverWorkflowId: state.activeHandOver,
    transitions: state.seq,
    done: state.done,
    allowedActions: allowedActions(state, actor),
  };
}
