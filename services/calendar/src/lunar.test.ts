import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFromEpochDay } from './civil-date.js';
import { CalendarError } from './errors.js';
import { lunarToSolar, solarToLunar } from './lunar.js';

const tet = (year: number) => lunarToSolar({ year, month: 1, day: 1, leap: false });
const hungKings = (year: number) => lunarToSolar({ year, month: 3, day: 10, leap: false });

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, expected) => {
    expect(tet(year)).toBe(expected);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])("Hùng Kings' day %i is %s", (year, expected) => {
    expect(hungKings(year)).toBe(expected);
  });

  // Years where the new moon falls between 23:00 and 24:00 Vietnam time: the Chinese (UTC+8)
  // calendar starts the month a day later, or the year a month later.
  it('differs from the Chinese calendar where UTC+7 matters', () => {
    expect(tet(1985)).toBe('1985-01-21'); // China: 1985-02-20
    expect(tet(2007)).toBe('2007-02-17'); // China: 2007-02-18
  });

  it('finds leap months (tháng nhuận)', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
  });

  it('numbers the lunar year by the civil year of its Tết', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false });
  });

  it('rejects a leap month that does not exist', () => {
    expect(() => lunarToSolar({ year: 2026, month: 3, day: 1, leap: true })).toThrow(CalendarError);
    expect(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toThrow(CalendarError);
  });

  it('round-trips every civil date 1968–2199', () => {
    const epochDays = fc.integer({ min: -731, max: 84_005 }); // 1968-01-01 .. 2199-12-31
    fc.assert(
      fc.property(epochDays, (epochDay) => {
        const iso = isoFromEpochDay(epochDay);
        expect(lunarToSolar(solarToLunar(iso))).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });
});
