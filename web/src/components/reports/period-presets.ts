import { vietnamDate } from '@gov/calendar';

export type PresetKey = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'lastQuarter' | 'thisYear' | 'lastYear';

export interface PeriodPreset {
  key: PresetKey;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const civil = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** The last day of a month (1-12): day 0 of the next month. */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The usual reporting periods (kỳ báo cáo: tháng, quý, năm) as Vietnam civil dates, both bounds
 * inclusive, as the report API takes them. A running period ends today, like the API's default
 * ("this month so far"); a past one is whole. `now` is the instant the periods are counted from,
 * so the month is Vietnam's wherever the browser is (23:30 UTC on the 31st is already the 1st).
 */
export function periodPresets(now: Date | number = Date.now()): PeriodPreset[] {
  const today = vietnamDate(now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarterStart = month - ((month - 1) % 3);
  const [lastMonthYear, lastMonth] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const [lastQuarterYear, lastQuarterStart] = quarterStart === 1 ? [year - 1, 10] : [year, quarterStart - 3];
  return [
    { key: 'thisMonth', from: civil(year, month, 1), to: today },
    { key: 'lastMonth', from: civil(lastMonthYear, lastMonth, 1), to: civil(lastMonthYear, lastMonth, lastDay(lastMonthYear, lastMonth)) },
    { key: 'thisQuarter', from: civil(year, quarterStart, 1), to: today },
    {
      key: 'lastQuarter',
      from: civil(lastQuarterYear, lastQuarterStart, 1),
      to: civil(lastQuarterYear, lastQuarterStart + 2, lastDay(lastQuarterYear, lastQuarterStart + 2)),
    },
    { key: 'thisYear', from: civil(year, 1, 1), to: today },
    { key: 'lastYear', from: civil(year - 1, 1, 1), to: civil(year - 1, 12, 31) },
  ];
}
