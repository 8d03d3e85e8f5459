/** Read-only views of holiday data, for admin screens and APIs. */
import { epochDayFromYmd } from './civil-date.js';
import { assertInRange } from './day-periods.js';
import { generateYearSchedule } from './holiday-rules.js';
import { NATIONAL_SCHEDULES } from './national-schedules.js';
import type { DayRule, WorkingCalendar, YearSchedule } from './types.js';

/**
 * The national schedule this package uses for `year` when the caller supplies none: shipped
 * data if present, else the rule-derived default. Lets the ministry start a new year's data
 * from the default and correct it.
 */
export function defaultNationalSchedule(year: number): YearSchedule {
  return NATIONAL_SCHEDULES.get(year) ?? generateYearSchedule(year);
}

/**
 * Effective special days of `year` in a built calendar (national data merged with the tenant's
 * overrides), in date order. Weekends without a special rule are not listed.
 */
export function listSpecialDays(cal: WorkingCalendar, year: number): DayRule[] {
  const first = epochDayFromYmd(year, 1, 1);
  const last = epochDayFromYmd(year, 12, 31);
  assertInRange(cal, first);
  assertInRange(cal, last);
  return [...cal.specialDays.entries()]
    .filter(([epochDay]) => epochDay >= first && epochDay <= last)
    .sort(([a], [b]) => a - b)
    .map(([, rule]) => rule);
}
