import { buildCalendar, FEEDBACK_ANSWER_WORKING_DAYS, subtractWorkingDays } from '@gov/calendar';
import type { DossierCalendarInput } from '@gov/domain';
import { promisedReturnAt } from '../dossiers/promised-date.js';

/** The officers are reminded this many working days before the due time. */
export const FEEDBACK_REMINDER_WORKING_DAYS = 1;

/**
 * The answer is due 5 working days after receipt, counted on the province's calendar the way a
 * dossier's promised date is (an after-hours receipt counts from the next working period); the
 * reminder comes a working day earlier (docs/domain/feedback-and-reports.md).
 */
export function feedbackDeadlines(calendar: DossierCalendarInput, receivedAt: Date): { dueAt: Date; remindAt: Date } {
  const dueAt = promisedReturnAt(calendar, receivedAt, { unit: 'working_days', amount: FEEDBACK_ANSWER_WORKING_DAYS });
  return { dueAt, remindAt: subtractWorkingDays(buildCalendar(calendar), dueAt, FEEDBACK_REMINDER_WORKING_DAYS) };
}
