/**
 * Working-time arithmetic (thời gian làm việc) on a built calendar.
 *
 * Conventions (see README.md):
 * - Working periods are half-open, `[start, end)`: 17:00 itself is not a working instant.
 * - A positive amount that runs out exactly at the end of a period ends there (17:00), not at the
 *   next morning, so "1 working day from 07:30" is 17:00 the same day.
 * - Adding 0 returns the next working instant: a submission outside working hours counts from the
 *   start of the next working period (docs/domain/working-time.md).
 * - Arithmetic steps period by period and day by day, never minute by minute.
 *
 * Positional `(calendar, instant, amount)` arguments, although docs/code-conventions.md prefers an args object
 * beyond two parameters: these are arithmetic primitives read like `addDays(date, n)`, and the
 * three arguments have distinct types, so they cannot be swapped silently.
 */
import { MS_PER_MINUTE } from './civil-date.js';
import { instantAt, localDayOf, periodsOn, toMs } from './day-periods.js';
import { CalendarError } from './errors.js';
import type { WorkingCalendar } from './types.js';

/** Earliest working instant at or after `t`. Loops end: periodsOn throws past the range. */
function nextWorkingMs(cal: WorkingCalendar, t: number): number {
  for (let day = localDayOf(cal, t); ; day += 1) {
    for (const period of periodsOn(cal, day)) {
      if (t < instantAt(cal, day, period.endMs)) {
        return Math.max(t, instantAt(cal, day, period.startMs));
      }
    }
  }
}

function addWorkingMs(cal: WorkingCalendar, t: number, amountMs: number): number {
  const cursor = nextWorkingMs(cal, t);
  if (amountMs === 0) return cursor;
  let remaining = amountMs;
  for (let day = localDayOf(cal, cursor); ; day += 1) {
    for (const period of periodsOn(cal, day)) {
      const start = Math.max(cursor, instantAt(cal, day, period.startMs));
      const available = instantAt(cal, day, period.endMs) - start;
      if (available <= 0) continue;
      // `<=` rather than `<`: an amount that fills the period exactly ends at its end (17:00).
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
}

/**
 * Latest instant at or before `t` with working time just before it: `t` itself inside a period,
 * else the end of the last period before `t` (Friday 17:00 for Saturday noon, or for Monday
 * 07:30, since a period's start has no working time before it). Mirror of nextWorkingMs.
 */
function previousWorkingMs(cal: WorkingCalendar, t: number): number {
  for (let day = localDayOf(cal, t); ; day -= 1) {
    const periods = periodsOn(cal, day);
    for (let i = periods.length - 1; i >= 0; i -= 1) {
      const period = periods[i]!;
      if (t > instantAt(cal, day, period.startMs)) return Math.min(t, instantAt(cal, day, period.endMs));
    }
  }
}

function subtractWorkingMs(cal: WorkingCalendar, t: number, amountMs: number): number {
  const cursor = previousWorkingMs(cal, t);
  if (amountMs === 0) return cursor;
  let remaining = amountMs;
  // The day of the millisecond before the cursor: a period ending at 24:00 puts the cursor on the next day.
  for (let day = localDayOf(cal, cursor - 1); ; day -= 1) {
    const periods = periodsOn(cal, day);
    for (let i = periods.length - 1; i >= 0; i -= 1) {
      const period = periods[i]!;
      const end = Math.min(cursor, instantAt(cal, day, period.endMs));
      const available = end - instantAt(cal, day, period.startMs);
      if (available <= 0) continue;
      // `<=` as in addWorkingMs: an amount that empties the period exactly ends at its start.
      if (remaining <= available) return end - remaining;
      remaining -= available;
    }
  }
}

/** Working milliseconds in `[from, to)`, `from <= to`. */
function workingMsWithin(cal: WorkingCalendar, from: number, to: number): number {
  if (from === to) return 0;
  let total = 0;
  const lastDay = localDayOf(cal, to - 1);
  for (let day = localDayOf(cal, from); day <= lastDay; day += 1) {
    for (const period of periodsOn(cal, day)) {
      const overlap = Math.min(to, instantAt(cal, day, period.endMs)) - Math.max(from, instantAt(cal, day, period.startMs));
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

function amountToMs(amount: number, unitMs: number, what: string): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new CalendarError('invalid_input', `${what} must be a finite number >= 0, got ${amount}`);
  }
  return Math.round(amount * unitMs);
}

/** True when `at` lies inside a working period (start inclusive, end exclusive). */
export function isWorkingInstant(cal: WorkingCalendar, at: Date): boolean {
  const t = toMs(at);
  const day = localDayOf(cal, t);
  const sinceMidnight = t - instantAt(cal, day, 0);
  return periodsOn(cal, day).some((p) => p.startMs <= sinceMidnight && sinceMidnight < p.endMs);
}

/**
 * `at` itself if it is working time, else the start of the next working period: the instant from
 * which a submission received outside working hours is counted.
 */
export function nextWorkingInstant(cal: WorkingCalendar, at: Date): Date {
  return new Date(nextWorkingMs(cal, toMs(at)));
}

/** Adds working minutes, counted from nextWorkingInstant(at). `0` gives nextWorkingInstant(at). */
export function addWorkingMinutes(cal: WorkingCalendar, at: Date, minutes: number): Date {
  return new Date(addWorkingMs(cal, toMs(at), amountToMs(minutes, MS_PER_MINUTE, 'minutes')));
}

/** Adds working hours, e.g. the 8-hour online reception deadline (docs/domain/working-time.md). */
export function addWorkingHours(cal: WorkingCalendar, at: Date, hours: number): Date {
  return new Date(addWorkingMs(cal, toMs(at), amountToMs(hours, 60 * MS_PER_MINUTE, 'hours')));
}

/**
 * Adds working days, each worth `cal.minutesPerWorkingDay` working minutes (8 h by default),
 * counted from nextWorkingInstant(at). Measuring days as hours keeps a dossier received at 15:00
 * from losing (or gaining) the rest of that day, and makes working days and working hours add up
 * consistently (docs/domain/working-time.md: "a working day counts as 8 working hours").
 */
export function addWorkingDays(cal: WorkingCalendar, at: Date, days: number): Date {
  const unitMs = cal.minutesPerWorkingDay * MS_PER_MINUTE;
  return new Date(addWorkingMs(cal, toMs(at), amountToMs(days, unitMs, 'days')));
}

/**
 * The instant `days` working days before `at`, each worth `cal.minutesPerWorkingDay` working
 * minutes as in addWorkingDays, counted back from the previous working instant. The working time
 * from the result to `at` is exactly `days` working days, so "no action since before
 * subtractWorkingDays(cal, now, 3)" means "no action for more than 3 working days": weekends,
 * holidays, nights and the lunch break do not count. `0` gives that previous working instant.
 */
export function subtractWorkingDays(cal: WorkingCalendar, at: Date, days: number): Date {
  const unitMs = cal.minutesPerWorkingDay * MS_PER_MINUTE;
  return new Date(subtractWorkingMs(cal, toMs(at), amountToMs(days, unitMs, 'days')));
}

/**
 * Working minutes between two instants; negative when `to` is before `from` (useful for "overdue
 * by"). Fractional when the instants are not on whole minutes.
 */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const [a, b] = [toMs(from), toMs(to)];
  const ms = a <= b ? workingMsWithin(cal, a, b) : -workingMsWithin(cal, b, a);
  return ms === 0 ? 0 : ms / MS_PER_MINUTE; // never -0
}
