import { describe, expect, it } from 'vitest';
import { epochDayFromIso, isWeekend } from './civil-date.js';
import { lunarToSolar } from './lunar.js';
import { NATIONAL_SCHEDULES } from './national-schedules.js';

const schedules = [...NATIONAL_SCHEDULES.values()];

describe('shipped national schedules', () => {
  it('covers 2025, 2026 and 2027', () => {
    expect([...NATIONAL_SCHEDULES.keys()]).toEqual([2025, 2026, 2027]);
  });

  it.each(schedules.map((s) => [s.year, s] as const))('%i: dates valid, in year, sorted, unique', (year, s) => {
    const dates = s.days.map((d) => d.date);
    dates.forEach((date) => expect(() => epochDayFromIso(date)).not.toThrow());
    expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('only makes weekends into make-up working days, and only weekdays into bridges', () => {
    for (const rule of schedules.flatMap((s) => s.days)) {
      const weekend = isWeekend(epochDayFromIso(rule.date));
      if (rule.status === 'work' || rule.kind === 'make-up') expect(weekend, rule.date).toBe(true);
      if (rule.kind === 'bridge' || rule.kind === 'compensatory') expect(weekend, rule.date).toBe(false);
    }
  });

  it("places Tết and Hùng Kings' day on the computed lunar dates", () => {
    for (const s of schedules) {
      const names = new Map(s.days.map((d) => [d.date, d.name]));
      expect(names.get(lunarToSolar({ year: s.year, month: 1, day: 1, leap: false }))).toMatch(/mùng 1/);
      expect(names.get(lunarToSolar({ year: s.year, month: 3, day: 10, leap: false }))).toMatch(/Hùng/);
    }
  });

  it('gives each year one entry per fixed-date holiday', () => {
    for (const s of schedules) {
      for (const mmdd of ['01-01', '04-30', '05-01', '09-02']) {
        expect(s.days.filter((d) => d.date === `${s.year}-${mmdd}` && d.kind === 'holiday')).toHaveLength(1);
      }
    }
  });
});
