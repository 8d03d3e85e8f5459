/**
 * Conversions between civil dates and the Vietnamese lunar calendar (âm lịch).
 *
 * Transcribed from Hồ Ngọc Đức's published algorithm (see lunar-astronomy.ts for credit).
 * Vietnam's calendar is computed for UTC+7 (Decision 121/1967 of the Government), which is why
 * it differs from the Chinese (UTC+8) calendar in some years, e.g. Tết 1985 (21 Jan in Vietnam,
 * 20 Feb in China) and Tết 2007 (17 Feb vs 18 Feb).
 */
import { JDN_1900_JAN_1, MEAN_NEW_MOON_1900, SYNODIC_MONTH, newMoonDay, sunSector } from './lunar-astronomy.js';
import { epochDayFromIso, epochDayFromJdn, epochDayFromYmd, isoFromEpochDay, jdnFromEpochDay } from './civil-date.js';
import { CalendarError } from './errors.js';

/** Vietnam's official offset for lunar computations. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

export interface LunarDate {
  /** Lunar year, numbered as the civil year in which its first day (Tết) falls. */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–30. */
  readonly day: number;
  /** True for the intercalary month (tháng nhuận) that repeats `month`. */
  readonly leap: boolean;
}

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of `year`. */
function month11Start(year: number, tz: number): number {
  const off = jdnFromEpochDay(epochDayFromYmd(year, 12, 31)) - JDN_1900_JAN_1;
  const k = Math.floor(off / SYNODIC_MONTH);
  const newMoon = newMoonDay(k, tz);
  // Sector 9 starts at the winter solstice (270°): that new moon begins month 12, not 11.
  return sunSector(newMoon, tz) >= 9 ? newMoonDay(k - 1, tz) : newMoon;
}

/** Offset (in months after month 11) of the leap month in a 13-month lunar year. */
function leapMonthOffset(month11: number, tz: number): number {
  const k = Math.floor((month11 - MEAN_NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i, tz), tz);
  } while (sector !== last && i < 14);
  return i - 1;
}

/** Civil date (ISO `YYYY-MM-DD`) of a lunar date. Throws if that leap month does not exist. */
export function lunarToSolar(lunar: LunarDate, tz = VIETNAM_UTC_OFFSET_HOURS): string {
  return isoFromEpochDay(lunarToEpochDay(lunar, tz));
}

export function lunarToEpochDay(lunar: LunarDate, tz = VIETNAM_UTC_OFFSET_HOURS): number {
  const { year, month, day, leap } = lunar;
  const a11 = month < 11 ? month11Start(year - 1, tz) : month11Start(year, tz);
  const b11 = month < 11 ? month11Start(year, tz) : month11Start(year + 1, tz);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) {
      throw new CalendarError('invalid_input', `Lunar year ${year} has no leap month ${month}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new CalendarError('invalid_input', `Lunar year ${year} has no leap month`);
  }
  const k = Math.floor(0.5 + (a11 - MEAN_NEW_MOON_1900) / SYNODIC_MONTH);
  return epochDayFromJdn(newMoonDay(k + off, tz) + day - 1);
}

/** Lunar date of a civil date given as ISO `YYYY-MM-DD`. */
export function solarToLunar(iso: string, tz = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const jdn = jdnFromEpochDay(epochDayFromIso(iso));
  const year = Number(iso.slice(0, 4));
  const k = Math.floor((jdn - MEAN_NEW_MOON_1900) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > jdn) monthStart = newMoonDay(k, tz);
  let a11 = month11Start(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11Start(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = month11Start(year + 1, tz);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    if (diff >= leapOff) {
      month = diff + 10;
      leap = diff === leapOff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day: jdn - monthStart + 1, leap };
}

/** Epoch day of Tết Nguyên Đán (1st day of the 1st lunar month) in civil year `year`. */
export function lunarNewYearEpochDay(year: number, tz = VIETNAM_UTC_OFFSET_HOURS): number {
  return lunarToEpochDay({ year, month: 1, day: 1, leap: false }, tz);
}
