/**
 * Vietnam time (giờ Việt Nam) and the unit constants every deadline computation uses. Legal times
 * (receipt, promised date, dossier-code day, report periods) read in Vietnam time wherever the
 * reader is (docs/domain/working-time.md). Vietnam keeps UTC+7 all year, with no daylight saving,
 * so local dates are UTC shifted by a fixed offset: no time-zone database, no host time zone.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from './civil-date.js';
import { CalendarError } from './errors.js';

export { MS_PER_DAY, MS_PER_MINUTE };
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** UTC+7 in minutes, the default offset of every calendar. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;
export const VIETNAM_UTC_OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
/** The offset as ISO 8601 and PostgreSQL write it. */
export const VIETNAM_UTC_OFFSET = '+07:00';
/** The zone name, for `Intl` date formatting in the browser and in scripts. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ms = (at: Date | number) => (typeof at === 'number' ? at : at.getTime());
const shifted = (at: Date | number) => new Date(ms(at) + VIETNAM_UTC_OFFSET_MS).toISOString();

/** `2026-02-27T17:00:00`: the wall-clock time in Vietnam, without an offset. */
export function vietnamLocalDateTime(at: Date | number): string {
  return shifted(at).slice(0, 19);
}

/** `2026-02-27T17:00:00+07:00`: the instant as printed, in Vietnam time. */
export function vietnamIsoWithOffset(at: Date | number): string {
  return `${vietnamLocalDateTime(at)}${VIETNAM_UTC_OFFSET}`;
}

/** `2026-02-27`: the civil date in Vietnam. */
export function vietnamDate(at: Date | number): string {
  return shifted(at).slice(0, 10);
}

/** The calendar year in Vietnam (a receipt at 23:30 on 31 December UTC is already next year). */
export function vietnamYear(at: Date | number): number {
  return new Date(ms(at) + VIETNAM_UTC_OFFSET_MS).getUTCFullYear();
}

const LOCAL = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/;

/**
 * The instant of a Vietnam wall-clock time: `2026-02-27` (the day's start, 00:00) or
 * `2026-02-27T17:00[:00]`.
 */
export function vietnamInstant(local: string): Date {
  const at = LOCAL.test(local) ? new Date(`${local.length === 10 ? `${local}T00:00` : local}${VIETNAM_UTC_OFFSET}`) : new Date(NaN);
  // Date parsing rolls 30 February over into March: the date must read back unchanged.
  if (Number.isNaN(at.getTime()) || vietnamDate(at) !== local.slice(0, 10))
    throw new CalendarError('invalid_input', `Not a Vietnam local date or time: ${local}`);
  return at;
}

/**
 * The same Vietnam wall-clock time `months` calendar months later (earlier when negative); a day
 * the target month lacks becomes its last day (31 March + 1 month = 30 April), as periods counted
 * in months end (Civil Code 2015 Art. 147–148).
 */
export function addVietnamMonths(at: Date | number, months: number): Date {
  if (!Number.isSafeInteger(months)) throw new CalendarError('invalid_input', `months must be an integer, got ${months}`);
  const local = new Date(ms(at) + VIETNAM_UTC_OFFSET_MS);
  const monthIndex = local.getUTCFullYear() * 12 + local.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shiftedTarget = Date.UTC(year, month, Math.min(local.getUTCDate(), lastDay)) + (ms(local) % MS_PER_DAY);
  return new Date(shiftedTarget - VIETNAM_UTC_OFFSET_MS);
}

/** 00:00 on 1 January of `year`, Vietnam time. */
export function vietnamYearStart(year: number): Date {
  if (!Number.isSafeInteger(year)) throw new CalendarError('invalid_input', `year must be an integer, got ${year}`);
  return new Date(Date.UTC(year, 0, 1) - VIETNAM_UTC_OFFSET_MS);
}
