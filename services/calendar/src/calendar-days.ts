/**
 * Deadlines stated in calendar days (ngày, not ngày làm việc).
 *
 * Civil Code 2015 Art. 147(1): a period in days starts on the day after the event, so the last
 * day is `days` days after the receipt date. Art. 148: the period ends at the end of its last day,
 * and when that day is a weekly rest day or a holiday, at the end of the next working day.
 *
 * Deliberate choice: "end of the day" is taken as the end of that day's last working period
 * (e.g. 17:00), not 24:00 (Art. 148's civil default). An agency can only return a result while it
 * is open, the receipt shows a date the citizen can come back on, and the earlier instant never
 * exceeds the legal limit. The same end-of-period rule is used for working-time results.
 */
import { instantAt, localDayOf, periodsOn, toMs } from './day-periods.js';
import { CalendarError } from './errors.js';
import type { WorkingCalendar } from './types.js';

export function addCalendarDays(cal: WorkingCalendar, at: Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new CalendarError('invalid_input', `days must be an integer >= 0, got ${days}`);
  }
  let lastDay = localDayOf(cal, toMs(at)) + days;
  let periods = periodsOn(cal, lastDay);
  // Terminates: periodsOn throws out_of_range once past the calendar's last year.
  while (periods.length === 0) {
    lastDay += 1;
    periods = periodsOn(cal, lastDay);
  }
  const closing = periods[periods.length - 1];
  if (closing === undefined) throw new Error('unreachable: periods is non-empty');
  return new Date(instantAt(cal, lastDay, closing.endMs));
}
