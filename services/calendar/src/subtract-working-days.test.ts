/**
 * Counting working days back from now: the "stuck dossier" threshold (no action for N working
 * days) must skip nights, the lunch break, weekends and holidays, exactly as the due date does.
 */
import { describe, expect, it } from 'vitest';
// Through the package entry point, as the core service imports it.
import { addWorkingDays, buildCalendar, CalendarError, subtractWorkingDays, workingMinutesBetween } from './index.js';
import { fmt, vn } from './test-helpers.js';

const cal = buildCalendar({ fromYear: 2025, toYear: 2027 });

describe('subtractWorkingDays (default hours 07:30–11:30, 13:00–17:00)', () => {
  it.each([
    ['2026-03-05 10:00', 1, '2026-03-04 10:00'], // Thursday → Wednesday, same hour
    ['2026-03-09 10:00', 1, '2026-03-06 10:00'], // Monday → Friday: the weekend has no working time
    ['2026-03-09 10:00', 2, '2026-03-05 10:00'],
    ['2026-03-09 17:00', 1, '2026-03-09 07:30'], // empties Monday exactly: its start, not Friday 17:00
    ['2026-03-09 07:30', 1, '2026-03-06 07:30'], // nothing worked yet on Monday
    ['2026-03-07 12:00', 1, '2026-03-06 07:30'], // Saturday counts back from Friday 17:00
    ['2026-03-10 13:00', 0.5, '2026-03-10 07:30'], // the lunch break is not working time
    ['2026-03-10 14:00', 0.25, '2026-03-10 10:30'], // 2 h back: 1 h after lunch, 1 h before it
  ])('%s minus %s working day(s) → %s', (at, days, expected) => {
    expect(fmt(subtractWorkingDays(cal, vn(at), days))).toBe(expected);
  });

  it('skips a compensated holiday: Hùng Kings’ day 2026 fell on Sunday 26 April, Monday 27 was off', () => {
    expect(fmt(subtractWorkingDays(cal, vn('2026-04-28 10:00'), 1))).toBe('2026-04-24 10:00');
    expect(fmt(subtractWorkingDays(cal, vn('2026-05-04 10:00'), 2))).toBe('2026-04-28 10:00'); // 30 Apr – 1 May off too
  });

  it('skips the whole Tết break (Sat 14 – Sun 22 Feb 2026)', () => {
    expect(fmt(subtractWorkingDays(cal, vn('2026-02-24 09:00'), 1))).toBe('2026-02-23 09:00');
    expect(fmt(subtractWorkingDays(cal, vn('2026-02-24 09:00'), 3))).toBe('2026-02-12 09:00');
  });

  it('honours a province’s own day off and its working hours', () => {
    const local = buildCalendar({
      fromYear: 2026,
      toYear: 2026,
      workingHours: {
        weekday: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
      overrides: [{ date: '2026-03-06', status: 'off', name: 'Ngày lễ địa phương' }],
    });
    expect(fmt(subtractWorkingDays(local, vn('2026-03-09 09:00'), 1))).toBe('2026-03-05 09:00');
    expect(fmt(subtractWorkingDays(local, vn('2026-03-09 17:30'), 1))).toBe('2026-03-09 08:00');
  });

  it('gives the previous working instant for 0', () => {
    expect(fmt(subtractWorkingDays(cal, vn('2026-03-10 09:15'), 0))).toBe('2026-03-10 09:15');
    expect(fmt(subtractWorkingDays(cal, vn('2026-03-10 12:00'), 0))).toBe('2026-03-10 11:30');
    expect(fmt(subtractWorkingDays(cal, vn('2026-03-09 07:30'), 0))).toBe('2026-03-06 17:00');
  });

  it('leaves exactly the amount of working time up to `at`, and adding it back returns to working time at `at`', () => {
    const at = vn('2026-05-04 10:00');
    for (const days of [1, 3, 10, 60]) {
      const before = subtractWorkingDays(cal, at, days);
      expect(workingMinutesBetween(cal, before, at)).toBe(days * 480);
      expect(addWorkingDays(cal, before, days)).toEqual(at);
    }
  });

  it('refuses negative amounts and days outside the calendar', () => {
    expect(() => subtractWorkingDays(cal, vn('2026-03-09 10:00'), -1)).toThrow(CalendarError);
    expect(() => subtractWorkingDays(cal, vn('2025-01-02 10:00'), 5)).toThrow(CalendarError);
  });
});
