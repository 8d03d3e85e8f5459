import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build-calendar.js';
import { addCalendarDays } from './calendar-days.js';
import { CalendarError } from './errors.js';
import { fmt, vn } from './test-helpers.js';

const cal = buildCalendar({ fromYear: 2025, toYear: 2027 });

describe('addCalendarDays (Civil Code 2015 Art. 147–148)', () => {
  it.each([
    ['2026-03-02 10:00', 7, '2026-03-09 17:00'], // day of receipt not counted
    ['2026-03-02 10:00', 0, '2026-03-02 17:00'],
    ['2026-03-02 10:00', 5, '2026-03-09 17:00'], // Saturday → end of next working day
    ['2025-04-21 10:00', 5, '2025-04-26 17:00'], // make-up Saturday is a working day
    ['2026-03-02 23:30', 1, '2026-03-03 17:00'], // local date counts, not UTC date
    ['2026-03-02 00:10', 1, '2026-03-03 17:00'], // 00:10 +07:00 is still Sunday in UTC
  ])('received %s + %i day(s) → %s', (at, days, expected) => {
    expect(fmt(addCalendarDays(cal, vn(at), days))).toBe(expected);
  });

  it("ends at the tenant's own closing time", () => {
    const late = buildCalendar({
      fromYear: 2026,
      toYear: 2026,
      workingHours: {
        weekday: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
    });
    expect(fmt(addCalendarDays(late, vn('2026-03-02 10:00'), 1))).toBe('2026-03-03 17:30');
  });

  it('rejects negative or fractional day counts', () => {
    expect(() => addCalendarDays(cal, vn('2026-03-02 10:00'), -1)).toThrow(CalendarError);
    expect(() => addCalendarDays(cal, vn('2026-03-02 10:00'), 1.5)).toThrow(CalendarError);
  });
});
