import { describe, expect, it } from 'vitest';
import { generateYearSchedule } from './holiday-rules.js';
import { NATIONAL_SCHEDULES } from './national-schedules.js';

const offDates = (year: number, kind?: string) =>
  generateYearSchedule(year)
    .days.filter((d) => d.status === 'off' && (kind === undefined || d.kind === kind))
    .map((d) => d.date);

describe('generateYearSchedule (rule-derived default)', () => {
  it('lists the 11 statutory days of Labour Code 2019 Art. 112', () => {
    expect(offDates(2026, 'holiday')).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('gives the next working day off when a holiday falls on a weekend (Art. 111(3))', () => {
    // Hùng Kings' day 2026 is a Sunday.
    expect(offDates(2026, 'compensatory')).toEqual(['2026-04-27']);
    // Tết 2027: mùng 1–2 are Saturday–Sunday inside the Tết block; compensation comes after it.
    expect(offDates(2027, 'compensatory')).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
  });

  it('chooses the National Day neighbour that touches a weekend, as in past decisions', () => {
    const adjacent = (year: number) => generateYearSchedule(year).days.find((d) => d.name === 'Quốc khánh (ngày liền kề)')?.date;
    expect(adjacent(2021)).toBe('2021-09-03'); // Thursday 2 Sept
    expect(adjacent(2022)).toBe('2022-09-01'); // Friday
    expect(adjacent(2023)).toBe('2023-09-01'); // Saturday
    expect(adjacent(2024)).toBe('2024-09-03'); // Monday
    expect(adjacent(2025)).toBe('2025-09-01'); // Tuesday
    expect(adjacent(2026)).toBe('2026-09-01'); // Wednesday (5-day break from 29 Aug)
  });

  it('marks every generated entry unverified', () => {
    expect(generateYearSchedule(2031).days.every((d) => !d.verified)).toBe(true);
  });

  it("cannot predict the government's own choice of Tết days, which is why data wins", () => {
    // 2025 was set as 27–31 Jan; the rule gives 28 Jan – 1 Feb plus a compensatory 3 Feb.
    expect(offDates(2025).filter((d) => d < '2025-03-01')).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-03',
    ]);
  });

  it('is what the shipped 2027 data says (2027 is not yet published)', () => {
    expect(NATIONAL_SCHEDULES.get(2027)).toEqual(generateYearSchedule(2027));
  });
});
