/**
 * Durations the law states in working time, and conversions between units of working time
 * (docs/domain/working-time.md, docs/domain/dossier-lifecycle.md).
 */
import { DEFAULT_MINUTES_PER_WORKING_DAY } from './build-calendar.js';

/** A working day counts as 8 working hours, whatever a province's periods are. */
export const WORKING_HOURS_PER_DAY = DEFAULT_MINUTES_PER_WORKING_DAY / 60;

/** Online dossiers are accepted or refused within 8 working hours (Quy chế BGDĐT Art. 11(1)(a)). */
export const ONLINE_RECEPTION_WORKING_HOURS = 8;
export const ONLINE_RECEPTION_WORKING_MINUTES = ONLINE_RECEPTION_WORKING_HOURS * 60;

/** Feedback and complaints are answered within 5 working days (Quy chế BGDĐT Art. 13). */
export const FEEDBACK_ANSWER_WORKING_DAYS = 5;

/** Working days in an ordinary week (Monday–Friday). */
const WORKING_DAYS_PER_WEEK = 5;

/**
 * A calendar-day limit as working hours, before a start date is known: 5 working days per 7
 * calendar days, rounded down. It errs on the strict side only across holidays, which a process
 * published in advance cannot foresee (docs/domain/procedures-and-processes.md).
 */
export function calendarDaysAsWorkingHours(days: number): number {
  return Math.floor((days * WORKING_DAYS_PER_WEEK) / 7) * WORKING_HOURS_PER_DAY;
}
