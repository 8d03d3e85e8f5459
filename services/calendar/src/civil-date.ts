/**
 * Civil (Gregorian) dates without time zones.
 *
 * A civil date is handled as an "epoch day": whole days since 1970-01-01. Conversions use
 * `Date.UTC` and UTC getters only, so results never depend on the host's time zone (the same
 * code runs in the Temporal workflow sandbox, on servers and in browsers).
 */
import { CalendarError } from './errors.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Julian Day Number of 1970-01-01. */
const JDN_UNIX_EPOCH = 2440588;

/** Day of week, JavaScript numbering: 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function epochDayFromYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses `YYYY-MM-DD`; rejects impossible dates such as 2026-02-30. */
export function epochDayFromIso(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new CalendarError('invalid_input', `Not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochDay = epochDayFromYmd(year, month, day);
  if (isoFromEpochDay(epochDay) !== iso) {
    throw new CalendarError('invalid_input', `No such date: ${iso}`);
  }
  return epochDay;
}

export function isoFromEpochDay(epochDay: number): string {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

export function weekdayOfEpochDay(epochDay: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
}

export function epochDayFromJdn(jdn: number): number {
  return jdn - JDN_UNIX_EPOCH;
}

export function jdnFromEpochDay(epochDay: number): number {
  return epochDay + JDN_UNIX_EPOCH;
}
