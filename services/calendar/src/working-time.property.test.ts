/**
 * Property tests: the arithmetic must hold for any instant and amount, on the default calendar
 * and on a tenant calendar with unusual hours and overrides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build-calendar.js';
import { addCalendarDays } from './calendar-days.js';
import { vn } from './test-helpers.js';
import { addWorkingDays, addWorkingMinutes, isWorkingInstant, nextWorkingInstant, subtractWorkingDays, workingMinutesBetween } from './working-time.js';

const calendars = {
  default: buildCalendar({ fromYear: 2025, toYear: 2027 }),
  tenant: buildCalendar({
    fromYear: 2025,
    toYear: 2027,
    workingHours: {
      weekday: [
        { start: '08:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
      byWeekday: { 6: [{ start: '08:00', end: '11:00' }], 3: [{ start: '00:00', end: '24:00' }] },
    },
    overrides: [
      { date: '2026-02-21', status: 'work', name: 'Trực Tết' },
      { date: '2026-03-02', status: 'off', name: 'Ngày lễ địa phương' },
    ],
  }),
};

// Any millisecond from 2025-01-01 to mid-2027: leaves room for 60 working days inside the range.
const instant = fc.integer({ min: vn('2025-01-01 00:00').getTime(), max: vn('2027-06-30 23:59').getTime() }).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 60 * 480 });
const positiveMinutes = fc.integer({ min: 1, max: 60 * 480 });
const runs = { numRuns: 300 };
const oneMsBefore = (d: Date) => new Date(d.getTime() - 1);

describe.each(Object.entries(calendars))('working-time properties (%s calendar)', (_name, cal) => {
  it('adding then measuring gives back the amount', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(workingMinutesBetween(cal, t, addWorkingMinutes(cal, t, m))).toBe(m);
      }),
      runs,
    );
  });

  it('never ends on a non-working instant: work happens right up to the result', () => {
    fc.assert(
      fc.property(instant, positiveMinutes, (t, m) => {
        const result = addWorkingMinutes(cal, t, m);
        // Either inside a period or exactly at its end (17:00): the last millisecond was worked.
        expect(isWorkingInstant(cal, oneMsBefore(result))).toBe(true);
      }),
      runs,
    );
  });

  it('adding 0 is nextWorkingInstant, which is working time with nothing worked before it', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = nextWorkingInstant(cal, t);
        expect(addWorkingMinutes(cal, t, 0)).toEqual(next);
        expect(isWorkingInstant(cal, next)).toBe(true);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(workingMinutesBetween(cal, t, next)).toBe(0);
      }),
      runs,
    );
  });

  it('is monotonic in the start instant and in the amount', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (t1, t2, m1, m2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [less, more] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMinutes(cal, early, m1).getTime()).toBeLessThanOrEqual(addWorkingMinutes(cal, late, m1).getTime());
        expect(addWorkingMinutes(cal, early, less).getTime()).toBeLessThanOrEqual(addWorkingMinutes(cal, early, more).getTime());
      }),
      runs,
    );
  });

  it('composes: adding a then b (b > 0) equals adding a + b', () => {
    fc.assert(
      fc.property(instant, minutes, positiveMinutes, (t, a, b) => {
        const stepwise = addWorkingMinutes(cal, addWorkingMinutes(cal, t, a), b);
        expect(stepwise).toEqual(addWorkingMinutes(cal, t, a + b));
      }),
      runs,
    );
  });

  it('measures additively and antisymmetrically', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const ab = workingMinutesBetween(cal, a, b);
        const bc = workingMinutesBetween(cal, b, c);
        expect(ab + bc).toBeCloseTo(workingMinutesBetween(cal, a, c), 6);
        expect(workingMinutesBetween(cal, b, a)).toBe(ab === 0 ? 0 : -ab);
      }),
      { numRuns: 100 },
    );
  });

  it('counts a working day as minutesPerWorkingDay working minutes', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (t, days) => {
        expect(addWorkingDays(cal, t, days)).toEqual(addWorkingMinutes(cal, t, days * 480));
      }),
      runs,
    );
  });

  it('subtracting leaves exactly the amount of working time, from a working instant', () => {
    // From mid-2025 so that 60 working days back stays inside the calendar.
    const late = fc.integer({ min: vn('2025-06-01 00:00').getTime(), max: vn('2027-06-30 23:59').getTime() }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(late, fc.integer({ min: 1, max: 60 * 8 }), (t, eighths) => {
        const days = eighths / 8;
        const before = subtractWorkingDays(cal, t, days);
        expect(workingMinutesBetween(cal, before, t)).toBe(days * 480);
        expect(isWorkingInstant(cal, before)).toBe(true);
      }),
      runs,
    );
  });

  it('ends calendar-day deadlines at the close of a working day on or after the last day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 90 }), (t, days) => {
        const deadline = addCalendarDays(cal, t, days);
        expect(isWorkingInstant(cal, oneMsBefore(deadline))).toBe(true);
        expect(nextWorkingInstant(cal, deadline).getTime() - deadline.getTime()).toBeGreaterThan(0);
        const dayMs = 86_400_000;
        const localDay = (d: Date) => Math.floor((d.getTime() + 7 * 3_600_000) / dayMs);
        expect(localDay(oneMsBefore(deadline))).toBeGreaterThanOrEqual(localDay(t) + days);
      }),
      runs,
    );
  });
});
