/** Builds a tenant's working calendar from national data, rules and local overrides. */
import { epochDayFromIso, epochDayFromYmd, yearOfEpochDay } from './civil-date.js';
import { CalendarError } from './errors.js';
import { generateYearSchedule } from './holiday-rules.js';
import { NATIONAL_SCHEDULES } from './national-schedules.js';
import type { BuildCalendarInput, DayRule, WorkingCalendar, YearSchedule } from './types.js';
import { parseWorkingHours } from './working-hours.js';
import { VIETNAM_UTC_OFFSET_MINUTES } from './vietnam-time.js';

/** "A working day counts as 8 working hours" (docs/domain/working-time.md). */
export const DEFAULT_MINUTES_PER_WORKING_DAY = 480;
/** Keeps a mistaken range (e.g. 2025–20250) from building a huge table. */
const MAX_YEARS = 200;

function checkInput(input: BuildCalendarInput): void {
  const { fromYear, toYear } = input;
  const offset = input.utcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES;
  const perDay = input.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY;
  const problems = [
    [Number.isSafeInteger(fromYear) && Number.isSafeInteger(toYear), 'years must be integers'],
    [fromYear <= toYear && toYear - fromYear < MAX_YEARS, `year range must hold 1–${MAX_YEARS} years`],
    [fromYear >= 1968 && toYear <= 2199, 'years must be within 1968–2199 (lunar algorithm range)'],
    [Number.isSafeInteger(offset) && Math.abs(offset) <= 14 * 60, 'utcOffsetMinutes out of range'],
    [Number.isSafeInteger(perDay) && perDay > 0, 'minutesPerWorkingDay must be a positive integer'],
  ] as const;
  for (const [ok, message] of problems) {
    if (!ok) throw new CalendarError('invalid_input', message);
  }
}

/** National schedule per year: caller-supplied data, else shipped data, else the rules. */
function nationalSchedule(year: number, supplied: ReadonlyMap<number, YearSchedule>): YearSchedule {
  return supplied.get(year) ?? NATIONAL_SCHEDULES.get(year) ?? generateYearSchedule(year);
}

export function buildCalendar(input: BuildCalendarInput): WorkingCalendar {
  checkInput(input);
  const { fromYear, toYear } = input;
  const hours = parseWorkingHours(input.workingHours);
  const supplied = new Map((input.schedules ?? []).map((s) => [s.year, s]));
  const specialDays = new Map<number, DayRule>();
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const rule of nationalSchedule(year, supplied).days) {
      specialDays.set(epochDayFromIso(rule.date), rule);
    }
  }
  // Tenant overrides come last so a province's own decision wins on the same date. Overrides for
  // years outside the range are ignored: no computation can reach those days.
  for (const override of input.overrides ?? []) {
    const epochDay = epochDayFromIso(override.date);
    const year = yearOfEpochDay(epochDay);
    if (year < fromYear || year > toYear) continue;
    const { date, status, name } = override;
    specialDays.set(epochDay, { date, status, name, kind: 'local', verified: true });
  }
  return Object.freeze({
    utcOffsetMinutes: input.utcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES,
    minutesPerWorkingDay: input.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY,
    fromYear,
    toYear,
    firstDay: epochDayFromYmd(fromYear, 1, 1),
    lastDay: epochDayFromYmd(toYear, 12, 31),
    weekPeriods: hours.weekPeriods,
    makeUpDayPeriods: hours.makeUpDayPeriods,
    specialDays,
  });
}
