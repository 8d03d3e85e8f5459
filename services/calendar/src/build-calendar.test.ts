import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build-calendar.js';
import { CalendarError } from './errors.js';
import { defaultNationalSchedule, listSpecialDays } from './list-special-days.js';
import { fmt, vn } from './test-helpers.js';
import type { BuildCalendarInput } from './types.js';
import { isWorkingInstant, nextWorkingInstant } from './working-time.js';

const invalid = (input: Partial<BuildCalendarInput>) => () => buildCalendar({ fromYear: 2026, toYear: 2026, ...input });

describe('buildCalendar validation', () => {
  it.each<[string, Partial<BuildCalendarInput>]>([
    ['reversed years', { fromYear: 2027, toYear: 2026 }],
    ['fractional year', { toYear: 2026.5 }],
    ['year before the UTC+7 lunar calendar', { fromYear: 1960 }],
    [
      'overlapping periods',
      {
        workingHours: {
          weekday: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
    ],
    ['empty period', { workingHours: { weekday: [{ start: '08:00', end: '08:00' }] } }],
    ['bad clock', { workingHours: { weekday: [{ start: '8:00', end: '12:00' }] } }],
    ['minute 60', { workingHours: { weekday: [{ start: '08:60', end: '12:00' }] } }],
    ['impossible override date', { overrides: [{ date: '2026-02-30', status: 'off', name: 'x' }] }],
    ['zero-minute working day', { minutesPerWorkingDay: 0 }],
    ['absurd offset', { utcOffsetMinutes: 24 * 60 }],
  ])('rejects %s', (_label, input) => {
    expect(invalid(input)).toThrow(CalendarError);
  });
});

describe('tenant working hours and overrides', () => {
  it('uses per-weekday hours and make-up-day hours', () => {
    const cal = buildCalendar({
      fromYear: 2025,
      toYear: 2027,
      workingHours: {
        byWeekday: { 6: [{ start: '07:30', end: '11:30' }] }, // Saturday mornings open
        makeUpDay: [{ start: '08:00', end: '12:00' }],
      },
    });
    expect(isWorkingInstant(cal, vn('2026-03-07 10:00'))).toBe(true);
    expect(isWorkingInstant(cal, vn('2026-03-07 13:30'))).toBe(false);
    // A Saturday with its own hours keeps them when it is also a make-up day.
    expect(isWorkingInstant(cal, vn('2025-04-26 07:45'))).toBe(true);
    // A holiday on an open Saturday (1 May 2027) is still a holiday.
    expect(isWorkingInstant(cal, vn('2027-05-01 10:00'))).toBe(false);
  });

  it('applies make-up-day hours on a normally closed Saturday', () => {
    const cal = buildCalendar({
      fromYear: 2025,
      toYear: 2025,
      workingHours: { makeUpDay: [{ start: '08:00', end: '12:00' }] },
    });
    expect(isWorkingInstant(cal, vn('2025-04-26 07:45'))).toBe(false);
    expect(isWorkingInstant(cal, vn('2025-04-26 08:00'))).toBe(true);
  });

  it('lets a tenant add a local holiday and cancel a national one', () => {
    const cal = buildCalendar({
      fromYear: 2026,
      toYear: 2026,
      overrides: [
        { date: '2026-03-02', status: 'off', name: 'Ngày giải phóng tỉnh' },
        { date: '2026-02-20', status: 'work', name: 'Trực Tết' },
        { date: '2030-01-01', status: 'off', name: 'ignored: outside the range' },
      ],
    });
    expect(fmt(nextWorkingInstant(cal, vn('2026-03-02 06:00')))).toBe('2026-03-03 07:30');
    expect(isWorkingInstant(cal, vn('2026-02-20 09:00'))).toBe(true);
    const local = listSpecialDays(cal, 2026).filter((d) => d.kind === 'local');
    expect(local.map((d) => d.date)).toEqual(['2026-02-20', '2026-03-02']);
  });

  it('accepts a newly published national schedule as data', () => {
    const published = {
      year: 2027,
      source: { vi: 'thử', en: 'test' },
      days: [
        {
          date: '2027-02-12',
          status: 'off',
          kind: 'bridge',
          name: 'Nghỉ hoán đổi',
          verified: true,
        },
      ],
    } as const;
    const cal = buildCalendar({ fromYear: 2027, toYear: 2027, schedules: [published] });
    expect(isWorkingInstant(cal, vn('2027-02-12 09:00'))).toBe(false);
    expect(isWorkingInstant(cal, vn('2027-02-10 09:00'))).toBe(true); // shipped default replaced
  });
});

describe("listing a year's special days", () => {
  it('lists national data in date order, for display', () => {
    const cal = buildCalendar({ fromYear: 2026, toYear: 2026 });
    const days = listSpecialDays(cal, 2026);
    expect(days.map((d) => d.date)).toEqual(defaultNationalSchedule(2026).days.map((d) => d.date));
    expect(days[0]).toMatchObject({ date: '2026-01-01', status: 'off', kind: 'holiday' });
  });

  it('falls back to the rules for years without data', () => {
    expect(defaultNationalSchedule(2030).source.en).toMatch(/^Derived from the Labour Code/);
    const cal = buildCalendar({ fromYear: 2026, toYear: 2026 });
    expect(() => listSpecialDays(cal, 2027)).toThrow(CalendarError);
  });

  it('says where each year comes from in Vietnamese for the Vietnamese page, and in English', () => {
    for (const year of [2025, 2026, 2027, 2030]) {
      const { vi, en } = defaultNationalSchedule(year).source;
      expect(vi).toMatch(/^(Bộ luật Lao động|Tính theo Bộ luật Lao động)/);
      expect(vi).not.toMatch(/unverified|Labour|Generated|\(secondary/i);
      expect(en).toMatch(/Labour Code/);
    }
  });
});
