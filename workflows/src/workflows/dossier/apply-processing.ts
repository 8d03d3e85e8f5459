import { handOverWorkflowId, type DossierActionInput } from '@gov/domain';
import { advance, enterStep, type MachineEnv } from './steps.js';
import { currentStep } from './state.js';

/** Phân công: the open task of the current step goes to one officer. */
export function assign(env: MachineEnv, input: DossierActionInput<'assign'>): Promise<void> {
  const { state } = env;
  const step = currentStep(state);
  state.assigneeUserId = input.assigneeUserId;
  return env.recorder.record({
    kind: 'assigned',
    actorUserId: input.actor.userId,
    content: { assigneeUserId: input.assigneeUserId },
    tasks: { assign: { stepKey: step.key, assigneeUserId: input.assigneeUserId } },
  });
}

export function forward(env: MachineEnv, input: DossierActionInput<'forward'>): Promise<void> {
  return advance(env, { kind: 'forwarded', actorUserId: input.actor.userId, content: { note: input.note ?? null } });
}

/** Phê duyệt / ký số: the leader's decision moves the dossier on. */
export function approve(env: MachineEnv, input: DossierActionInput<'approve'>): Promise<void> {
  return advance(env, { kind: 'approved', actorUserId: input.actor.userId, content: { note: input.note ?? null, signed: input.signed } });
}

export function returnToPrevious(env: MachineEnv, input: DossierActionInput<'returnToPrevious'>): Promise<void> {
  return enterStep(env, env.state.stepIndex - 1, { kind: 'returned_to_previous', actorUserId: input.actor.userId, content: { reason: input.reason } });
}

/**
 * The snapshot steps a hand-over covers: from the step after the hand-over up to (not including)
 * the first step back in the sending unit — e.g. commune → department steps → back to commune.
 */
export function handOverSegment(env: MachineEnv): { from: number; to: number } {
  const { state } = env;
  const steps = state.snapshot.steps;
  const sender = currentStep(state).orgUnitId;
  const from = state.stepIndex + 1;
  let to = from;
  while (to < state.segment.to && steps[to]?.orgUnitId !== sender) to += 1;
  return { from, to };
}

/** Chuyển liên thông: a child workflow runs the receiving unit's steps, then control returns. */
export async function handOver(env: MachineEnv, input: DossierActionInput<'handOver'>): Promise<void> {
  const { state } = env;
  const step = currentStep(state);
  // The last step of a hand-over segment hands the dossier back: the child's work is done.
  if (state.isHandOver && state.stepIndex === state.segment.to - 1) {
    return advance(env, { kind: 'handed_back', actorUserId: input.actor.userId, content: { note: input.note ?? null } });
  }
  const { from, to } = handOverSegment(env);
  const workflowId = handOverWorkflowId(state.workflowId, step.key, state.seq + 1);
  state.activeHandOver = workflowId;
  state.localStatus = 'handed_over';
  const target = state.snapshot.steps[from];
  await env.recorder.record({
    kind: 'handed_over',
    actorUserId: input.actor.userId,
    toStepKey: target?.key ?? null,
    content: {
      note: input.note ?? null,
      handOverWorkflowId: workflowId,
      targetUnitId: step.handOver?.targetUnitId ?? target?.orgUnitId ?? null,
      targetTenantId: step.handOver?.targetTenantId ?? null,
    },
    stepDueAt: state.stepDueAt,
    deadlineMet: state.stepDueAt === null ? null : Date.now() <= state.stepDueAt,
    tasks: { complete: [step.key] },
  });
  env.startHandOver({ workflowId, from, to });
}

/** Yêu cầu thực hiện nghĩa vụ tài chính (status 6) until the payment is recorded. */
export function requestFee(env: MachineEnv, input: DossierActionInput<'requestFee'>): Promise<void> {
  const { state } = env;
  state.feePending = true;
  state.nationalStatus = 6;
  state.localStatus = 'awaiting_payment';
  return env.recorder.record({
    kind: 'fee_requested',
    actorUserId: input.actor.userId,
    content: { amountVnd: input.amountVnd, description: input.description },
    notify: 'dossier.fee_requested',
  });
}

export function recordPayment(env: MachineEnv, input: DossierActionInput<'recordPayment'>): Promise<void> {
  const { state } = env;
  const step = currentStep(state);
  state.feePending = false;
  state.nationalStatus = step.nationalStatus;
  state.localStatus = step.localStatus;
  return env.recorder.record({ kind: 'fee_paid', actorUserId: input.actor.userId, content: { reference: input.reference } });
}

/** Trả kết quả (status 10): in person, online or by post; the dossier's workflow ends. */
export function returnResult(env: MachineEnv, input: DossierActionInput<'returnResult'>): Promise<void> {
  const { state } = env;
  const now = Date.now();
  state.finishedAt ??= now;
  state.returnedAt = now;
  state.nationalStatus = 10;
  state.localStatus = `returned_${input.method}`;
  state.done = true;
  return env.recorder.record({
    kind: 'result_returned',
    actorUserId: input.actor.userId,
    content: { method: input.method, onTime: state.dueAt === null ? null : now <= state.dueAt },
    stepDueAt: state.stepDueAt,
    deadlineMet: state.stepDueAt === null ? null : now <= state.stepDueAt,
    tasks: { complete: [currentStep(state).key] },
    notify: 'dossier.result_returned',
  });
}
