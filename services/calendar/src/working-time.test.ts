import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build-calendar.js';
import { CalendarError } from './errors.js';
import { fmt, vn } from './test-helpers.js';
import { addWorkingDays, addWorkingHours, addWorkingMinutes, isWorkingInstant, nextWorkingInstant, workingMinutesBetween } from './working-time.js';

const cal = buildCalendar({ fromYear: 2025, toYear: 2027 });

describe('isWorkingInstant (default hours 07:30–11:30, 13:00–17:00)', () => {
  it.each([
    ['2026-03-02 07:29', false],
    ['2026-03-02 07:30', true],
    ['2026-03-02 11:29', true],
    ['2026-03-02 11:30', false], // period end is exclusive
    ['2026-03-02 13:00', true],
    ['2026-03-02 16:59', true],
    ['2026-03-02 17:00', false],
    ['2026-03-07 09:00', false], // Saturday
    ['2026-02-17 09:00', false], // Tết
    ['2025-04-26 09:00', true], // make-up Saturday
    ['2025-05-02 09:00', false], // bridge Friday
  ])('%s → %s', (at, expected) => {
    expect(isWorkingInstant(cal, vn(at))).toBe(expected);
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['2026-03-02 09:15', '2026-03-02 09:15'], // already working time
    ['2026-03-02 06:00', '2026-03-02 07:30'],
    ['2026-03-02 12:00', '2026-03-02 13:00'], // lunch break
    ['2026-03-02 17:00', '2026-03-03 07:30'],
    ['2026-03-06 17:30', '2026-03-09 07:30'], // Friday evening → Monday
  ])('%s → %s', (at, expected) => {
    expect(fmt(nextWorkingInstant(cal, vn(at)))).toBe(expected);
  });
});

describe('addWorkingHours / addWorkingMinutes / addWorkingDays', () => {
  it('ends at the period end when the amount fills it exactly', () => {
    expect(fmt(addWorkingHours(cal, vn('2026-03-02 07:30'), 8))).toBe('2026-03-02 17:00');
    expect(fmt(addWorkingHours(cal, vn('2026-03-02 07:30'), 4))).toBe('2026-03-02 11:30');
  });

  it('carries over lunch and nights', () => {
    expect(fmt(addWorkingHours(cal, vn('2026-03-02 11:00'), 1))).toBe('2026-03-02 13:30');
    expect(fmt(addWorkingHours(cal, vn('2026-03-02 09:00'), 8))).toBe('2026-03-03 09:00');
    expect(fmt(addWorkingMinutes(cal, vn('2026-03-06 16:45'), 30))).toBe('2026-03-09 07:45');
  });

  it('adding 0 gives the next working instant, even from a period end', () => {
    const at = vn('2026-03-02 17:00');
    expect(addWorkingMinutes(cal, at, 0)).toEqual(nextWorkingInstant(cal, at));
    expect(fmt(addWorkingMinutes(cal, at, 0))).toBe('2026-03-03 07:30');
  });

  it('counts a working day as 8 working hours from the next working instant', () => {
    expect(fmt(addWorkingDays(cal, vn('2026-03-02 15:00'), 1))).toBe('2026-03-03 15:00');
    expect(addWorkingDays(cal, vn('2026-03-02 15:00'), 3)).toEqual(addWorkingHours(cal, vn('2026-03-02 15:00'), 24));
    expect(fmt(addWorkingHours(cal, vn('2026-03-02 15:00'), 0.5))).toBe('2026-03-02 15:30');
  });

  it('steps by periods, not minutes: 1,000 working days is quick', () => {
    const wide = buildCalendar({ fromYear: 2025, toYear: 2030 });
    const started = Date.now();
    const result = addWorkingDays(wide, vn('2025-01-02 07:30'), 1000);
    expect(Date.now() - started).toBeLessThan(250);
    expect(workingMinutesBetween(wide, vn('2025-01-02 07:30'), result)).toBe(1000 * 480);
  });
});

describe('workingMinutesBetween', () => {
  it('measures working time only, signed', () => {
    expect(workingMinutesBetween(cal, vn('2026-03-02 07:30'), vn('2026-03-02 17:00'))).toBe(480);
    expect(workingMinutesBetween(cal, vn('2026-03-06 16:00'), vn('2026-03-09 08:30'))).toBe(120);
    expect(workingMinutesBetween(cal, vn('2026-03-09 08:30'), vn('2026-03-06 16:00'))).toBe(-120);
    expect(workingMinutesBetween(cal, vn('2026-03-07 09:00'), vn('2026-03-07 10:00'))).toBe(0);
    expect(workingMinutesBetween(cal, vn('2026-03-02 09:00'), vn('2026-03-02 09:00'))).toBe(0);
  });
});

describe('invalid input and range', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof CalendarError ? error.code : 'other';
    }
    return 'none';
  };

  it('rejects negative or non-finite amounts and invalid dates', () => {
    const at = vn('2026-03-02 09:00');
    expect(code(() => addWorkingMinutes(cal, at, -1))).toBe('invalid_input');
    expect(code(() => addWorkingHours(cal, at, Number.NaN))).toBe('invalid_input');
    expect(code(() => addWorkingDays(cal, at, Number.POSITIVE_INFINITY))).toBe('invalid_input');
    expect(code(() => nextWorkingInstant(cal, new Date(Number.NaN)))).toBe('invalid_input');
  });

  it('refuses to compute past the years it knows', () => {
    expect(code(() => addWorkingDays(cal, vn('2027-12-30 09:00'), 5))).toBe('out_of_range');
    expect(code(() => isWorkingInstant(cal, vn('2024-06-03 09:00')))).toBe('out_of_range');
    // A calendar with no working time at all cannot loop forever either.
    const never = buildCalendar({ fromYear: 2026, toYear: 2026, workingHours: { weekday: [] } });
    expect(code(() => nextWorkingInstant(never, vn('2026-03-02 09:00')))).toBe('out_of_range');
  });
});
