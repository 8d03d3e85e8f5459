import { describe, expect, it } from 'vitest';
import { calendarDaysAsWorkingHours, ONLINE_RECEPTION_WORKING_MINUTES, WORKING_HOURS_PER_DAY } from './legal-durations.js';
import {
  addVietnamMonths,
  MS_PER_HOUR,
  VIETNAM_UTC_OFFSET_MS,
  vietnamDate,
  vietnamInstant,
  vietnamIsoWithOffset,
  vietnamLocalDateTime,
  vietnamYear,
  vietnamYearStart,
} from './vietnam-time.js';

describe('Vietnam time', () => {
  const lateNewYearsEve = new Date('2026-12-31T17:30:00Z'); // 00:30 on 1 January 2027 in Vietnam

  it('reads an instant as Vietnam wall-clock time, whatever UTC says', () => {
    expect(VIETNAM_UTC_OFFSET_MS).toBe(7 * MS_PER_HOUR);
    expect(vietnamDate(lateNewYearsEve)).toBe('2027-01-01');
    expect(vietnamYear(lateNewYearsEve.getTime())).toBe(2027);
    expect(vietnamLocalDateTime(lateNewYearsEve)).toBe('2027-01-01T00:30:00');
    expect(vietnamIsoWithOffset(new Date('2026-02-27T10:00:00Z'))).toBe('2026-02-27T17:00:00+07:00');
  });

  it('turns a Vietnam date or wall-clock time back into the instant', () => {
    expect(vietnamInstant('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vietnamInstant('2026-02-27T17:00').toISOString()).toBe('2026-02-27T10:00:00.000Z');
    expect(vietnamInstant(vietnamLocalDateTime(lateNewYearsEve))).toEqual(lateNewYearsEve);
  });

  it('refuses what is not a local date or time, including one that carries its own offset', () => {
    for (const bad of ['2026-02-30', '27/02/2026', '2026-02-27T17:00:00Z', '2026-02-27T17:00+07:00', '']) {
      expect(() => vietnamInstant(bad), bad).toThrow(/Not a Vietnam local date or time/);
    }
  });
});

describe('legal durations', () => {
  it('a working day is 8 working hours; online reception takes at most 8 of them', () => {
    expect(WORKING_HOURS_PER_DAY).toBe(8);
    expect(ONLINE_RECEPTION_WORKING_MINUTES).toBe(8 * 60);
  });

  it('counts 5 working days per 7 calendar days, rounded down', () => {
    expect(calendarDaysAsWorkingHours(7)).toBe(40);
    expect(calendarDaysAsWorkingHours(10)).toBe(7 * 8);
    expect(calendarDaysAsWorkingHours(1)).toBe(0);
  });
});

describe('months and years in Vietnam time', () => {
  it('moves by calendar months on the Vietnam date, keeping the wall-clock time', () => {
    // 00:30 on 1 January 2027 in Vietnam is still 31 December in UTC: the Vietnam date counts.
    expect(vietnamIsoWithOffset(addVietnamMonths(new Date('2026-12-31T17:30:00Z'), 1))).toBe('2027-02-01T00:30:00+07:00');
    expect(vietnamIsoWithOffset(addVietnamMonths(vietnamInstant('2026-03-15T09:00'), 12))).toBe('2027-03-15T09:00:00+07:00');
    expect(vietnamIsoWithOffset(addVietnamMonths(vietnamInstant('2026-03-15T09:00'), -14))).toBe('2025-01-15T09:00:00+07:00');
  });

  it('ends on the last day of a shorter month', () => {
    expect(vietnamDate(addVietnamMonths(vietnamInstant('2026-03-31'), 1))).toBe('2026-04-30');
    expect(vietnamDate(addVietnamMonths(vietnamInstant('2028-02-29'), 12))).toBe('2029-02-28');
  });

  it('starts a year at midnight in Vietnam', () => {
    expect(vietnamYearStart(2031).toISOString()).toBe('2030-12-31T17:00:00.000Z');
    expect(() => addVietnamMonths(0, 1.5)).toThrow();
  });
});
