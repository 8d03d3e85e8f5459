import { handOverWorkflowId, type DossierActionInput, type OnlinePaymentConfirmation } from '@gov/domain';
import { patched } from '@temporalio/workflow';
import { advance, enterStep, pauseClock, resumeClock, type MachineEnv } from './steps.js';
import { currentStep, previousIndex } from './state.js';
import { requireHandOverAgreement } from './hand-over-agreement.js';

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
  return advance(env, { kind: 'forwarded', actorUserId: input.actor.userId, content: { note: input.note ?? null } }, input.outcome);
}

/** Phê duyệt / ký số: the leader's decision moves the dossier on. */
export function approve(env: MachineEnv, input: DossierActionInput<'approve'>): Promise<void> {
  return advance(env, { kind: 'approved', actorUserId: input.actor.userId, content: { note: input.note ?? null, signed: input.signed } }, input.outcome);
}

export function returnToPrevious(env: MachineEnv, input: DossierActionInput<'returnToPrevious'>): Promise<void> {
  return enterStep(env, previousIndex(env.state), { kind: 'returned_to_previous', actorUserId: input.actor.userId, content: { reason: input.reason } });
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
  // Set before the agreement check awaits, so a concurrent action's validator already sees the
  // dossier as leaving; cleared again if the hand-over is refused.
  state.activeHandOver = workflowId;
  let agreementId: string | null;
  try {
    agreementId = await requireHandOverAgreement(state, step, workflowId);
  } catch (error) {
    state.activeHandOver = null;
    throw error;
  }
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
      ...(agreementId ? { agreementId } : {}),
    },
    stepDueAt: state.stepDueAt,
    deadlineMet: state.stepDueAt === null ? null : Date.now() <= state.stepDueAt,
    tasks: { complete: [step.key] },
  });
  env.startHandOver({ workflowId, from, to });
}

/** Dossiers that asked for a fee before the clock paused for it keep their history's meaning. */
const FEE_PAUSES_CLOCK_PATCH = 'fee-pauses-clock';

/**
 * Yêu cầu thực hiện nghĩa vụ tài chính (status 6) until the payment is recorded. The time the
 * applicant takes to pay is theirs, not the office's: the clock stops as for a supplement
 * (docs/domain/fees-and-payment.md#the-legal-clock).
 */
export async function requestFee(env: MachineEnv, input: DossierActionInput<'requestFee'>): Promise<void> {
  const { state } = env;
  const now = Date.now();
  state.feePending = true;
  state.feeAmountVnd = input.amountVnd;
  state.nationalStatus = 6;
  state.localStatus = 'awaiting_payment';
  if (state.pausedSince === null && patched(FEE_PAUSES_CLOCK_PATCH)) {
    pauseClock(state, now);
    state.feePausedClock = true;
    if (state.isHandOver) await env.reportClock(true, now);
  }
  await env.recorder.record({
    kind: 'fee_requested',
    actorUserId: input.actor.userId,
    content: { amountVnd: input.amountVnd, description: input.description },
    notify: 'dossier.fee_requested',
  });
}

/** The fee is paid: the step's status comes back and, if the fee stopped it, the clock restarts. */
async function settleFee(env: MachineEnv, paid: { actorUserId: string | null; content: Record<string, unknown> }): Promise<void> {
  const { state, time } = env;
  const now = Date.now();
  const step = currentStep(state);
  state.feePending = false;
  state.feeAmountVnd = null;
  state.nationalStatus = step.nationalStatus;
  state.localStatus = step.localStatus;
  let pausedWorkingMinutes = 0;
  if (state.feePausedClock) {
    state.feePausedClock = false;
    pausedWorkingMinutes = resumeClock(state, time, now, true);
    if (state.isHandOver) await env.reportClock(false, now);
  }
  const dueAt = state.dueAt === null ? null : new Date(state.dueAt).toISOString();
  await env.recorder.record({ kind: 'fee_paid', actorUserId: paid.actorUserId, content: { ...paid.content, pausedWorkingMinutes, dueAt } });
}

export function recordPayment(env: MachineEnv, input: DossierActionInput<'recordPayment'>): Promise<void> {
  return settleFee(env, { actorUserId: input.actor.userId, content: { reference: input.reference, method: 'counter' } });
}

/** The payment platform's verified notification (no person acts): paid online. */
export function confirmOnlinePayment(env: MachineEnv, input: OnlinePaymentConfirmation): Promise<void> {
  return settleFee(env, {
    actorUserId: null,
    content: { reference: input.orderRef, method: 'online', paymentId: input.paymentId, transactionNo: input.transactionNo, amountVnd: input.amountVnd },
  });
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
