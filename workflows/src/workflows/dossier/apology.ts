import { patched } from '@temporalio/workflow';
import type { DossierActionInput } from '@gov/domain';
import { nearDueAt } from './near-due.js';
import type { MachineEnv } from './steps.js';
import type { DossierState } from './state.js';

/**
 * Watching the apology's new date adds timers and transitions: workflows that ran before it
 * replay without them, and start watching from their first new workflow task.
 */
const WATCH_APOLOGY_PATCH = 'watch-apology-date';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Thư xin lỗi và hẹn lại ngày trả (Form 04): the citizen's new date; the dossier stays overdue.
 * Issued again when a new date is missed too; each letter is counted and notified.
 */
export function recordApology(env: MachineEnv, input: DossierActionInput<'recordApology'>): Promise<void> {
  const { state, time } = env;
  const now = Date.now();
  const beforeDeadline = state.dueAt !== null && now <= state.dueAt;
  const newDueAt = Date.parse(input.newDueAt);
  const count = (state.apology?.count ?? 0) + 1;
  const previousDueAt = state.apology?.newDueAt ?? null;
  state.apology = {
    reason: input.reason,
    newDueAt,
    issuedAt: now,
    beforeDeadline,
    count,
    nearDueAt: nearDueAt(time, now, newDueAt),
    nearDueFlagged: false,
    overdueAt: null,
  };
  return env.recorder.record({
    kind: 'apology_issued',
    actorUserId: input.actor.userId,
    content: {
      reason: input.reason,
      newDueAt: iso(newDueAt),
      originalDueAt: state.dueAt === null ? null : iso(state.dueAt),
      previousDueAt: previousDueAt === null ? null : iso(previousDueAt),
      beforeDeadline,
      apologyCount: count,
    },
    notify: 'dossier.apology',
  });
}

type Watch = [number, () => Promise<void>];

/**
 * The latest apology's new date, watched like the promised date: near-due first, then a breach
 * that escalates so the officer issues another letter (docs/domain/dossier-lifecycle.md). Each letter's flags are
 * its own, so a date fires once and a later letter is watched afresh. `watched` asks only while
 * the clock runs and processing is unfinished, in the dossier's own workflow.
 */
export function apologyDeadlines(env: MachineEnv): Watch[] {
  const { state, recorder } = env;
  const apology = state.apology;
  if (apology === null || apology.overdueAt !== null || !patched(WATCH_APOLOGY_PATCH)) return [];
  const { count, newDueAt } = apology;
  // Due deadlines fire one after another, each awaiting its projection: a letter recorded in
  // between supersedes this one, and its date is the one to watch.
  const superseded = () => state.apology !== apology;
  const list: Watch[] = [];
  if (!apology.nearDueFlagged) {
    list.push([
      apology.nearDueAt,
      () => {
        if (superseded()) return Promise.resolve();
        apology.nearDueFlagged = true;
        return recorder.record({ kind: 'near_due', content: { dueAt: iso(newDueAt), apologyCount: count } });
      },
    ]);
  }
  list.push([
    newDueAt,
    () => {
      if (superseded()) return Promise.resolve();
      apology.overdueAt = newDueAt;
      return recorder.record({ kind: 'apology_overdue', stepDueAt: newDueAt, deadlineMet: false, content: { apologyCount: count, escalate: true } });
    },
  ]);
  return list;
}

/**
 * A supplement stopped the clock: the apology's new date, unless already missed, moves by the
 * paused working time like the promised date does (docs/domain/dossier-lifecycle.md), so the citizen's time is not
 * counted against the unit. `shift` adds the paused time.
 */
export function shiftApology(state: DossierState, shift: (ms: number) => number): void {
  const apology = state.apology;
  if (apology === null || apology.overdueAt !== null || !patched(WATCH_APOLOGY_PATCH)) return;
  apology.newDueAt = shift(apology.newDueAt);
  if (!apology.nearDueFlagged) apology.nearDueAt = shift(apology.nearDueAt);
}
