/**
 * Default national schedule of any year, derived from the rules.
 *
 * Used for years without published data (see national-schedules.ts). It cannot know the bridge
 * days and make-up Saturdays that the government adds each year, so every entry is unverified.
 */
import { epochDayFromYmd, isWeekend, isoFromEpochDay, weekdayOfEpochDay } from './civil-date.js';
import { lunarNewYearEpochDay, lunarToEpochDay } from './lunar.js';
import type { DayRule, YearSchedule } from './types.js';
import { DERIVED_SOURCE } from './schedule-sources.js';

interface Holiday {
  readonly epochDay: number;
  readonly name: string;
}

/**
 * Tết: 5 days (Labour Code 2019 Art. 112(1)(b)); the Prime Minister picks them each year
 * (Art. 112(3)). The usual pattern, used here, is the last day of the lunar year (30 or 29 tháng
 * Chạp) and the first 4 days of tháng Giêng.
 */
function lunarNewYearDays(year: number): Holiday[] {
  const firstDay = lunarNewYearEpochDay(year);
  return [-1, 0, 1, 2, 3].map((offset) => ({
    epochDay: firstDay + offset,
    name: offset < 0 ? 'Tết Nguyên đán (ngày cuối năm âm lịch)' : `Tết Nguyên đán (mùng ${offset + 1})`,
  }));
}

/**
 * National Day: 2 September plus one adjacent day (Art. 112(1)(đ)), chosen by the Prime Minister.
 * Heuristic from the 2021–2026 decisions (2021–2024 recalled, unverified): take the neighbour
 * that touches a weekend (Mon → 3 Sept, Tue → 1 Sept, Thu → 3 Sept, Fri/Sat → 1 Sept);
 * Wednesday → 1 Sept as in 2026; Sunday → 3 Sept (either choice yields the same days off once
 * compensation is applied).
 */
function nationalDayDays(year: number): Holiday[] {
  const secondSept = epochDayFromYmd(year, 9, 2);
  const weekday = weekdayOfEpochDay(secondSept);
  const adjacent = weekday === 0 || weekday === 1 || weekday === 4 ? secondSept + 1 : secondSept - 1;
  return [
    { epochDay: secondSept, name: 'Quốc khánh' },
    { epochDay: adjacent, name: 'Quốc khánh (ngày liền kề)' },
  ];
}

/** The statutory holidays of Labour Code 2019 Art. 112(1), in date order. */
export function statutoryHolidays(year: number): Holiday[] {
  const hungKings = lunarToEpochDay({ year, month: 3, day: 10, leap: false });
  const days: Holiday[] = [
    { epochDay: epochDayFromYmd(year, 1, 1), name: 'Tết Dương lịch' },
    ...lunarNewYearDays(year),
    { epochDay: hungKings, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { epochDay: epochDayFromYmd(year, 4, 30), name: 'Ngày Chiến thắng' },
    { epochDay: epochDayFromYmd(year, 5, 1), name: 'Ngày Quốc tế lao động' },
    ...nationalDayDays(year),
  ];
  return days.sort((a, b) => a.epochDay - b.epochDay);
}

/**
 * Labour Code 2019 Art. 111(3): when a holiday falls on the weekly rest day, the worker rests on
 * the next working day instead. "Next working day" skips other holidays and days already given
 * as compensation, so a weekend inside Tết pushes compensation past the end of Tết.
 */
export function compensatoryDays(holidays: readonly Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.epochDay));
  const result: Holiday[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.epochDay)) continue;
    let day = holiday.epochDay + 1;
    while (isWeekend(day) || taken.has(day)) day += 1;
    taken.add(day);
    result.push({ epochDay: day, name: `Nghỉ bù ${holiday.name}` });
  }
  return result;
}

function toRule(holiday: Holiday, kind: DayRule['kind']): DayRule {
  return {
    date: isoFromEpochDay(holiday.epochDay),
    status: 'off',
    kind,
    name: holiday.name,
    verified: false,
  };
}

/** Rule-derived schedule for `year`: statutory holidays and compensatory days, no bridges. */
export function generateYearSchedule(year: number): YearSchedule {
  const holidays = statutoryHolidays(year);
  const days = [...holidays.map((h) => toRule(h, 'holiday')), ...compensatoryDays(holidays).map((h) => toRule(h, 'compensatory'))].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return {
    year,
    source: DERIVED_SOURCE,
    days,
  };
}
