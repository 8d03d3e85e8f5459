import { ONLINE_RECEPTION_WORKING_MINUTES } from '@gov/calendar';
import type { DossierActionInput } from '@gov/domain';
import { nearDueAt } from './near-due.js';
import { advance, pauseClock, resumeClock, type MachineEnv } from './steps.js';
import { atIntake, currentStep } from './state.js';

/** Reception deadline for online dossiers: 8 working hours (docs/domain/dossier-lifecycle.md). */
export const INTAKE_WORKING_MINUTES = ONLINE_RECEPTION_WORKING_MINUTES;

/** Tiếp nhận: the promised date is counted from acceptance of a complete dossier. */
export function accept(env: MachineEnv, input: DossierActionInput<'accept'>): Promise<void> {
  const { state, time } = env;
  const now = new Date(Date.now());
  const due = time.addStatutory(now, state.snapshot.statutoryTime);
  state.dueAt = due.getTime();
  state.nearDueAt = nearDueAt(time, now.getTime(), state.dueAt);
  const met = state.intakeDueAt === null ? null : now.getTime() <= state.intakeDueAt;
  return advance(env, {
    kind: 'accepted',
    actorUserId: input.actor.userId,
    content: { note: input.note ?? null, dueAt: due.toISOString(), intakeDeadlineMet: met },
    notify: 'dossier.accepted',
  });
}

/** Từ chối tiếp nhận (Form 03). */
export function refuse(env: MachineEnv, input: DossierActionInput<'refuse'>): Promise<void> {
  const { state } = env;
  state.nationalStatus = 3;
  state.localStatus = 'refused';
  state.done = true;
  return env.recorder.record({
    kind: 'refused',
    actorUserId: input.actor.userId,
    content: { reason: input.reason },
    stepDueAt: state.intakeDueAt,
    deadlineMet: state.intakeDueAt === null ? null : Date.now() <= state.intakeDueAt,
    tasks: { cancelOpen: true },
    notify: 'dossier.refused',
  });
}

/** Yêu cầu bổ sung (Form 02): once at intake; during processing it stops the clock. */
export async function requestSupplement(env: MachineEnv, input: DossierActionInput<'requestSupplement'>): Promise<void> {
  const { state } = env;
  const now = Date.now();
  const intake = atIntake(state);
  if (intake) state.intakeSupplementUsed = true;
  else pauseClock(state, now);
  state.nationalStatus = 5;
  state.localStatus = intake ? 'supplement_requested_at_intake' : 'supplement_requested';
  if (!intake && state.isHandOver) await env.reportClock(true, now);
  await env.recorder.record({
    kind: 'supplement_requested',
    actorUserId: input.actor.userId,
    content: { reason: input.reason, items: input.items, atIntake: intake },
    notify: 'dossier.supplement_requested',
  });
}

/** The citizen's resubmission: restarts the intake clock, or the processing clock with a moved date. */
export async function submitSupplement(env: MachineEnv, input: DossierActionInput<'submitSupplement'>, intakeMinutes: number | null): Promise<void> {
  const { state, time } = env;
  const now = Date.now();
  const step = currentStep(state);
  let pausedWorkingMinutes = 0;
  if (atIntake(state)) {
    state.nationalStatus = 1;
    state.localStatus = 'awaiting_reception';
    state.intakeDueAt = intakeMinutes === null ? null : time.addWorkingMinutes(new Date(now), intakeMinutes).getTime();
    state.intakeOverdueFlagged = false;
  } else {
    pausedWorkingMinutes = resumeClock(state, time, now, true);
    state.nationalStatus = step.nationalStatus;
    state.localStatus = step.localStatus;
    if (state.isHandOver) await env.reportClock(false, now);
  }
  const due = state.dueAt === null ? null : new Date(state.dueAt).toISOString();
  await env.recorder.record({
    kind: 'supplement_submitted',
    actorUserId: input.actor.userId,
    content: { note: input.note ?? null, pausedWorkingMinutes, dueAt: due },
  });
}

/** Dừng xử lý (8) or công dân rút hồ sơ (7): the dossier closes wherever it is. */
export function close(env: MachineEnv, how: 'stop' | 'withdraw', input: DossierActionInput<'stop'>): Promise<void> {
  const { state } = env;
  if (state.activeHandOver) env.cancelHandOver();
  state.activeHandOver = null;
  state.pausedSince = null;
  state.nationalStatus = how === 'stop' ? 8 : 7;
  state.localStatus = how === 'stop' ? 'stopped' : 'withdrawn';
  state.done = true;
  return env.recorder.record({
    kind: how === 'stop' ? 'stopped' : 'withdrawn',
    actorUserId: input.actor.userId,
    content: { reason: input.reason },
    tasks: { cancelOpen: true },
    notify: `dossier.${state.localStatus}`,
  });
}
