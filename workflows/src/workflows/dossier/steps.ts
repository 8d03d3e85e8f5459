import { isBranching, nextStep } from '@gov/domain';
import { shiftApology } from './apology.js';
import { openConsultations, type ConsultationDeadlines } from './consultation-open.js';
import type { Recorder, TransitionRecord } from './recorder.js';
import { currentStep, type DossierState } from './state.js';
import type { TimeModel } from './time-model.js';

/** What every transition helper needs. */
export interface MachineEnv {
  state: DossierState;
  time: TimeModel;
  recorder: Recorder;
  /** Starts the hand-over child for snapshot steps `[from, to)` (the workflow owns child handles). */
  startHandOver(args: { workflowId: string; from: number; to: number }): void;
  /** Stops a running hand-over child (the dossier was stopped or withdrawn). */
  cancelHandOver(): void;
  /** A hand-over child reports clock pauses to the parent, which owns the promised date. */
  reportClock(paused: boolean, at: number): Promise<void>;
  /** Deadlines of the units a step consults, each on its own province's calendar. */
  consultationDeadlines: ConsultationDeadlines;
}

const at = (ms: number) => new Date(ms);

type Entry = Pick<TransitionRecord, 'kind' | 'actorUserId' | 'content' | 'notify'>;

/** Leaves the current step for `index`: event with the left step's deadline and whether it was met. */
export function enterStep(env: MachineEnv, index: number, entry: Entry): Promise<void> {
  const { state, time } = env;
  const now = Date.now();
  const left = currentStep(state);
  const leftDueAt = state.stepDueAt;
  // A return goes back along the trail; any other move adds the step left to it.
  if (entry.kind === 'returned_to_previous') state.trail?.pop();
  else state.trail?.push(state.stepIndex);
  state.stepIndex = index;
  const step = currentStep(state);
  state.stepEnteredAt = now;
  state.stepDueAt = step.allottedWorkingHours > 0 ? time.addWorkingMinutes(at(now), step.allottedWorkingHours * 60).getTime() : null;
  state.stepOverdueFlagged = false;
  state.nationalStatus = step.nationalStatus;
  state.localStatus = step.localStatus;
  state.assigneeUserId = null;
  // A consultation step waits for its answers; they are asked once the step is entered.
  state.consulting = step.consultation ? { stepIndex: index, ids: [] } : null;
  if (step.nationalStatus === 9 && state.finishedAt === null) state.finishedAt = now;
  const entered = env.recorder.record({
    ...entry,
    fromStepKey: left.key,
    toStepKey: step.key,
    stepDueAt: leftDueAt,
    deadlineMet: leftDueAt === null ? null : now <= leftDueAt,
    tasks: {
      complete: [left.key],
      open: {
        stepKey: step.key,
        orgUnitId: step.orgUnitId,
        role: step.role,
        dueAt: state.stepDueAt === null ? null : at(state.stepDueAt).toISOString(),
        assigneeUserId: null,
      },
    },
  });
  return step.consultation ? entered.then(() => openConsultations(env, index)) : entered;
}

/**
 * Moves to the next step; past the end of a hand-over segment, control returns to the parent.
 * A branching process follows its graph (`outcome`: the officer's choice on a choice step); the
 * branch taken is recorded with the transition. A straight line moves exactly as it always did.
 */
export function advance(env: MachineEnv, entry: Entry, outcome?: string): Promise<void> {
  const { state } = env;
  if (!state.isHandOver && isBranching(state.snapshot.steps)) {
    const { to, branch } = nextStep(state.snapshot.steps, state.stepIndex, { formData: state.formData ?? {}, ...(outcome ? { outcome } : {}) });
    const taken = branch ? { ...entry, content: { ...entry.content, branch } } : entry;
    return to === null ? finish(env, taken) : enterStep(env, to, taken);
  }
  const next = state.stepIndex + 1;
  if (next < state.segment.to) return enterStep(env, next, entry);
  return finish(env, entry);
}

/** The last step is done: the dossier's process (or a hand-over's segment) ends here. */
function finish(env: MachineEnv, entry: Entry): Promise<void> {
  const { state } = env;
  const now = Date.now();
  const step = currentStep(state);
  state.done = true;
  if (!state.isHandOver) {
    // A process without a result-return step ends when its last step is done.
    state.finishedAt ??= now;
    state.nationalStatus = 9;
    state.localStatus = 'finished';
  }
  return env.recorder.record({
    ...entry,
    stepDueAt: state.stepDueAt,
    deadlineMet: state.stepDueAt === null ? null : now <= state.stepDueAt,
    tasks: { complete: [step.key] },
  });
}

/** Supplement during processing: the clock stops; time already used still counts. */
export function pauseClock(state: DossierState, now: number): void {
  state.pausedSince ??= now;
}

/**
 * The citizen's supplement arrived: the promised date, the near-due mark, the apology's new date
 * and the step deadline move by the paused time, in working time (Decree 61/2018 as amended;
 * docs/domain/dossier-lifecycle.md).
 */
export function resumeClock(state: DossierState, time: TimeModel, now: number, shiftStep: boolean): number {
  if (state.pausedSince === null) return 0;
  const minutes = Math.max(0, time.workingMinutesBetween(at(state.pausedSince), at(now)));
  state.pausedSince = null;
  state.pausedWorkingMinutes += minutes;
  // Adding 0 would snap a period-end deadline (17:00) to the next morning, so skip empty pauses.
  const shift = (ms: number | null) => (ms === null || minutes === 0 ? ms : time.addWorkingMinutes(at(ms), minutes).getTime());
  if (!state.isHandOver && state.overdueAt === null) {
    state.dueAt = shift(state.dueAt);
    if (!state.nearDueFlagged) state.nearDueAt = shift(state.nearDueAt);
  }
  if (!state.isHandOver && minutes > 0) shiftApology(state, (ms) => time.addWorkingMinutes(at(ms), minutes).getTime());
  if (shiftStep && !state.stepOverdueFlagged) state.stepDueAt = shift(state.stepDueAt);
  return minutes;
}
