/**
 * Local-day view of a calendar: which working periods a day has, and conversions between
 * instants (epoch milliseconds, UTC) and local days.
 */
import { MS_PER_DAY, MS_PER_MINUTE, isoFromEpochDay, weekdayOfEpochDay } from './civil-date.js';
import { CalendarError } from './errors.js';
import type { DayPeriod, WorkingCalendar } from './types.js';

const NO_PERIODS: readonly DayPeriod[] = [];

function offsetMs(cal: WorkingCalendar): number {
  return cal.utcOffsetMinutes * MS_PER_MINUTE;
}

/** Local civil day (epoch day) containing the instant. */
export function localDayOf(cal: WorkingCalendar, instantMs: number): number {
  return Math.floor((instantMs + offsetMs(cal)) / MS_PER_DAY);
}

/** Instant at `msAfterMidnight` local time on local day `epochDay`. */
export function instantAt(cal: WorkingCalendar, epochDay: number, msAfterMidnight: number): number {
  return epochDay * MS_PER_DAY + msAfterMidnight - offsetMs(cal);
}

/** Throws when a computation needs a day whose holidays the calendar does not know. */
export function assertInRange(cal: WorkingCalendar, epochDay: number): void {
  if (epochDay < cal.firstDay || epochDay > cal.lastDay) {
    throw new CalendarError('out_of_range', `${isoFromEpochDay(epochDay)} is outside the calendar (${cal.fromYear}–${cal.toYear})`);
  }
}

/**
 * Working periods of a local day. A special "off" day has none; a special "work" day keeps its
 * weekday hours, or gets the make-up-day hours when its weekday normally has none (a Saturday).
 */
export function periodsOn(cal: WorkingCalendar, epochDay: number): readonly DayPeriod[] {
  assertInRange(cal, epochDay);
  const weekly = cal.weekPeriods[weekdayOfEpochDay(epochDay)] ?? NO_PERIODS;
  const special = cal.specialDays.get(epochDay);
  if (special === undefined) return weekly;
  if (special.status === 'off') return NO_PERIODS;
  return weekly.length > 0 ? weekly : cal.makeUpDayPeriods;
}

/** Converts an instant argument to epoch ms, rejecting invalid dates early. */
export function toMs(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new CalendarError('invalid_input', 'Invalid Date');
  return ms;
}
