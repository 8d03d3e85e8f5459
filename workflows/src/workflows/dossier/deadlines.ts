import { apologyDeadlines } from './apology.js';
import { leaveConsultation } from './consultation-answers.js';
import type { MachineEnv } from './steps.js';
import { atIntake } from './state.js';

/**
 * Deadlines this workflow watches, as [instant, fire] pairs: intake (8 working hours), the
 * current step, near-due and the overall promised date, then the apology's new date (Form 04);
 * the last two only until processing finishes (status 9/10). A stopped clock (supplement pending)
 * watches nothing but the intake deadline. A breach records an event and keeps waiting; it never
 * fails the workflow (docs/architecture.md, Temporal).
 */
function watched(env: MachineEnv): [number, () => Promise<void>][] {
  const { state, recorder } = env;
  const list: [number, () => Promise<void>][] = [];
  if (state.done) return list;
  if (atIntake(state) && state.nationalStatus === 1 && state.intakeDueAt !== null && !state.intakeOverdueFlagged) {
    const due = state.intakeDueAt;
    list.push([
      due,
      () => {
        state.intakeOverdueFlagged = true;
        return recorder.record({ kind: 'intake_overdue', stepDueAt: due, deadlineMet: false });
      },
    ]);
  }
  list.push(...consultationDeadlines(env));
  if (state.pausedSince !== null || state.nationalStatus === 5) return list;
  if (state.stepDueAt !== null && !state.stepOverdueFlagged && !state.activeHandOver && !atIntake(state)) {
    const due = state.stepDueAt;
    const waiting = state.consulting;
    const step = state.snapshot.steps[state.stepIndex];
    // A consultation step that continues at its deadline moves on instead of running late.
    const moveOn = waiting && waiting.stepIndex === state.stepIndex && waiting.ids.length > 0 && step?.consultation?.wait === 'deadline';
    list.push([
      due,
      () => {
        state.stepOverdueFlagged = true;
        if (moveOn) {
          // Moving on at the deadline is the step's rule, not a delay: the timer fires a moment
          // after the instant, which must not count the step as late.
          state.stepDueAt = Math.max(due, Date.now());
          return leaveConsultation(env, 'consultation_closed_at_deadline');
        }
        return recorder.record({ kind: 'step_overdue', stepDueAt: due, deadlineMet: false });
      },
    ]);
  }
  if (state.isHandOver || state.finishedAt !== null) return list;
  if (state.nearDueAt !== null && !state.nearDueFlagged) {
    list.push([
      state.nearDueAt,
      () => {
        state.nearDueFlagged = true;
        return recorder.record({ kind: 'near_due', content: { dueAt: new Date(state.dueAt ?? 0).toISOString() } });
      },
    ]);
  }
  if (state.dueAt !== null && state.overdueAt === null) {
    const due = state.dueAt;
    list.push([
      due,
      () => {
        // Quá hạn: stays counted as overdue in every report, apology or not (docs/domain/statuses.md).
        state.overdueAt = due;
        const apologised = state.apology !== null;
        return recorder.record({ kind: 'overdue', stepDueAt: due, deadlineMet: false, content: { apologyIssued: apologised, escalate: !apologised } });
      },
    ]);
  }
  list.push(...apologyDeadlines(env));
  return list;
}

/**
 * Each unanswered request's own deadline: flagged once, as late, whether or not the step still
 * waits for it (docs/domain/consultations.md). Listed before the step's deadline, so at a shared
 * instant the request is marked late before the step moves on.
 */
function consultationDeadlines(env: MachineEnv): [number, () => Promise<void>][] {
  const { state, recorder } = env;
  return (state.consultations ?? [])
    .filter((c) => c.answeredAt === null && !c.overdueFlagged)
    .map((c) => [
      c.dueAt,
      () => {
        c.overdueFlagged = true;
        return recorder.record({
          kind: 'consultation_overdue',
          content: { consultationId: c.id, stepKey: c.stepKey, orgUnitId: c.orgUnitId, dueAt: new Date(c.dueAt).toISOString() },
          consultations: { overdue: [c.id] },
        });
      },
    ]);
}

/** Fires every deadline already reached; returns ms until the next one (undefined: none). */
export async function runDueDeadlines(env: MachineEnv): Promise<number | undefined> {
  const now = Date.now();
  const list = watched(env).sort((a, b) => a[0] - b[0]);
  for (const [instant, fire] of list) if (instant <= now) await fire();
  const next = watched(env)
    .map(([instant]) => instant)
    .sort((a, b) => a - b)[0];
  return next === undefined ? undefined : Math.max(1, next - Date.now());
}
