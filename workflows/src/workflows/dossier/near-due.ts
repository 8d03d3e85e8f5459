import type { TimeModel } from './time-model.js';

/** Near-due once this share of the allowed working time is used. */
const NEAR_DUE_SHARE = 0.8;

/**
 * When a date counted from `from` becomes near-due: one rule, in working time, for the promised
 * date set at acceptance and for each new date of an apology letter (Form 04).
 */
export function nearDueAt(time: TimeModel, from: number, due: number): number {
  const total = time.workingMinutesBetween(new Date(from), new Date(due));
  return time.addWorkingMinutes(new Date(from), total * NEAR_DUE_SHARE).getTime();
}
