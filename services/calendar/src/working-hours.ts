/** Parsing and validation of per-tenant working hours. */
import { MS_PER_DAY, MS_PER_MINUTE, type Weekday } from './civil-date.js';
import { CalendarError } from './errors.js';
import type { DayPeriod, PeriodInput, WorkingHoursInput } from './types.js';

/**
 * Common civil-service hours, 07:30–11:30 and 13:00–17:00 = 8 h. Provinces set their own hours,
 * so this is only a default (docs/domain/working-time.md marks it unverified).
 */
export const DEFAULT_WEEKDAY_PERIODS: readonly PeriodInput[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

const HH_MM = /^(\d{2}):(\d{2})$/;

/** `HH:MM` → ms after midnight; `24:00` is allowed as an end of day. */
function parseClock(text: string): number {
  const match = HH_MM.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const valid = match !== null && minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0));
  if (!valid) throw new CalendarError('invalid_input', `Not a time of day (HH:MM): ${text}`);
  return (hours * 60 + minutes) * MS_PER_MINUTE;
}

/** Parses periods and checks they are non-empty, ordered and non-overlapping. */
export function parsePeriods(periods: readonly PeriodInput[]): readonly DayPeriod[] {
  const parsed = periods.map((p) => ({ startMs: parseClock(p.start), endMs: parseClock(p.end) }));
  let previousEnd = 0;
  for (const period of parsed) {
    if (period.endMs <= period.startMs || period.startMs < previousEnd || period.endMs > MS_PER_DAY) {
      throw new CalendarError('invalid_input', 'Working periods must be non-empty, in order and not overlapping');
    }
    previousEnd = period.endMs;
  }
  return Object.freeze(parsed);
}

export interface ParsedWorkingHours {
  readonly weekPeriods: readonly (readonly DayPeriod[])[];
  readonly makeUpDayPeriods: readonly DayPeriod[];
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/**
 * Default week: Monday–Friday work, Saturday and Sunday rest (40-hour week of state agencies,
 * Decision 188/1999/QĐ-TTg). Tenants may change any weekday.
 */
export function parseWorkingHours(input: WorkingHoursInput = {}): ParsedWorkingHours {
  const weekday = parsePeriods(input.weekday ?? DEFAULT_WEEKDAY_PERIODS);
  const weekPeriods = WEEKDAYS.map((day) => {
    const custom = input.byWeekday?.[day];
    if (custom !== undefined) return parsePeriods(custom);
    return day === 0 || day === 6 ? [] : weekday;
  });
  const makeUpDayPeriods = input.makeUpDay === undefined ? weekday : parsePeriods(input.makeUpDay);
  return { weekPeriods: Object.freeze(weekPeriods), makeUpDayPeriods };
}
