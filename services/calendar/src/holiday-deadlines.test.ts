/**
 * Fixed cases across Lunar New Year and the 30 April – 1 May bridge: the promised return date
 * printed on a receipt (phiếu hẹn trả kết quả) for a dossier received just before the break.
 */
import { describe, expect, it } from 'vitest';
// Through the package entry point, as a consumer (the workflow code) would import it.
import { addCalendarDays, addWorkingDays, addWorkingHours, buildCalendar, nextWorkingInstant, workingMinutesBetween } from './index.js';
import { fmt, vn } from './test-helpers.js';

const cal = buildCalendar({ fromYear: 2025, toYear: 2027 });

describe('Tết 2026 (official break Sat 14 – Sun 22 Feb)', () => {
  const receivedFridayEvening = vn('2026-02-13 18:30'); // after hours, last Friday before Tết

  it('counts an after-hours submission from Monday 23 Feb 07:30', () => {
    expect(fmt(nextWorkingInstant(cal, receivedFridayEvening))).toBe('2026-02-23 07:30');
  });

  it('gives the 8-working-hour reception deadline on Monday 23 Feb 17:00', () => {
    expect(fmt(addWorkingHours(cal, receivedFridayEvening, 8))).toBe('2026-02-23 17:00');
  });

  it.each([
    [1, '2026-02-23 17:00'],
    [3, '2026-02-25 17:00'],
    [5, '2026-02-27 17:00'],
    [10, '2026-03-06 17:00'],
  ])('promises %i working day(s) → %s', (days, expected) => {
    expect(fmt(addWorkingDays(cal, receivedFridayEvening, days))).toBe(expected);
  });

  it('keeps the working time left on Friday afternoon', () => {
    expect(fmt(addWorkingDays(cal, vn('2026-02-13 15:00'), 1))).toBe('2026-02-23 15:00');
  });

  it('sees no working time during the break', () => {
    expect(workingMinutesBetween(cal, vn('2026-02-13 17:00'), vn('2026-02-23 07:30'))).toBe(0);
  });

  it.each([
    [3, '2026-02-23 17:00'], // last day Mon 16 Feb is Tết → end of the next working day
    [10, '2026-02-23 17:00'],
    [11, '2026-02-24 17:00'],
  ])('calendar-day deadline of %i day(s) → %s', (days, expected) => {
    expect(fmt(addCalendarDays(cal, receivedFridayEvening, days))).toBe(expected);
  });
});

describe('Tết 2027 (rule-derived, unverified: off Fri 5 – Thu 11 Feb)', () => {
  it('a dossier received on the Friday evening a week before Tết', () => {
    const received = vn('2027-01-29 18:30');
    expect(fmt(addWorkingHours(cal, received, 8))).toBe('2027-02-01 17:00');
    expect(fmt(addWorkingDays(cal, received, 5))).toBe('2027-02-12 17:00'); // 4 days, then Tết
  });

  it('a dossier received online on the Friday evening that starts Tết', () => {
    const received = vn('2027-02-05 18:30');
    expect(fmt(nextWorkingInstant(cal, received))).toBe('2027-02-12 07:30');
    expect(fmt(addWorkingHours(cal, received, 8))).toBe('2027-02-12 17:00');
    expect(fmt(addWorkingDays(cal, received, 3))).toBe('2027-02-16 17:00');
  });

  it('the last working evening before Tết counts from after the break', () => {
    expect(fmt(nextWorkingInstant(cal, vn('2027-02-04 18:30')))).toBe('2027-02-12 07:30');
  });
});

describe('30 April – 1 May 2025 bridge (off Wed 30 Apr – Sun 4 May, make-up Sat 26 Apr)', () => {
  it('works on the make-up Saturday', () => {
    expect(fmt(addWorkingHours(cal, vn('2025-04-25 16:00'), 2))).toBe('2025-04-26 08:30');
    expect(workingMinutesBetween(cal, vn('2025-04-25 07:30'), vn('2025-04-28 07:30'))).toBe(960);
  });

  it('jumps the whole bridge', () => {
    expect(fmt(addWorkingDays(cal, vn('2025-04-29 15:00'), 1))).toBe('2025-05-05 15:00');
    expect(workingMinutesBetween(cal, vn('2025-04-29 17:00'), vn('2025-05-05 07:30'))).toBe(0);
    expect(fmt(addCalendarDays(cal, vn('2025-04-28 10:00'), 3))).toBe('2025-05-05 17:00');
  });
});

describe("Hùng Kings' day and 30 April – 1 May 2026 (Sun 26 Apr compensated on Mon 27 Apr)", () => {
  it('skips the compensatory Monday and the Thursday–Friday holidays', () => {
    const received = vn('2026-04-24 18:30');
    expect(fmt(nextWorkingInstant(cal, received))).toBe('2026-04-28 07:30');
    expect(fmt(addWorkingDays(cal, received, 3))).toBe('2026-05-04 17:00');
  });
});
