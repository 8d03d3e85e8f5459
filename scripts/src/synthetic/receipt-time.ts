import { DAY, HOUR, localWeekday, VIETNAM_OFFSET, type Channel } from './lifecycle.js';
import { type Random, Weighted } from './random.js';

/**
 * When citizens file: counters (in person, proxy, post registered at the counter) only in office
 * hours, 07:30–11:30 and 13:00–17:00 on weekdays, with a thin Saturday-morning service in some
 * provinces; online around the clock, peaking in office hours and in the evening.
 */
const ONLINE_HOURS = new Weighted<number>(
  [1, 0.5, 0.3, 0.3, 0.4, 1, 3, 6, 9, 10, 10, 8, 5, 6, 9, 10, 9, 7, 5, 6, 6, 5, 3, 2].map((w, hour) => [hour, w] as const),
);
const COUNTER_PERIODS = [
  [7.5 * HOUR, 4 * HOUR],
  [13 * HOUR, 4 * HOUR],
] as const;

/** Relative busyness of each weekday (Sunday first) for a channel; 1 is a normal weekday. */
const WEEKDAY_ONLINE = [0.35, 1, 1, 1, 1, 1, 0.45];
const WEEKDAY_COUNTER = [0, 1, 1, 1, 1, 1, 0.15];

/**
 * A receipt instant (UTC ms) in the `days` local days that end at `until` (a local midnight).
 * The day is drawn by rejection against the weekday weights, so quiet days stay quiet.
 */
export function receiptTime(random: Random, channel: Channel, until: number, days: number): number {
  const online = channel === 'online';
  const weekdays = online ? WEEKDAY_ONLINE : WEEKDAY_COUNTER;
  for (;;) {
    const dayStart = until - random.int(1, days) * DAY;
    if (random.next() >= (weekdays[localWeekday(dayStart)] ?? 0)) continue;
    if (online) return dayStart + ONLINE_HOURS.draw(random) * HOUR + Math.floor(random.next() * HOUR);
    const [start, length] = random.pick(COUNTER_PERIODS);
    // Saturday counters close at noon.
    if (localWeekday(dayStart) === 6 && start > 12 * HOUR) continue;
    return dayStart + start + Math.floor(random.next() * length);
  }
}

/** Local midnight (as a UTC instant) at or before `at`. */
export function localMidnight(at: number): number {
  return Math.floor((at + VIETNAM_OFFSET) / DAY) * DAY - VIETNAM_OFFSET;
}

/** `YYMMDD` of the local date: the middle part of a dossier code. */
export function localDateCode(at: number): string {
  const d = new Date(at + VIETNAM_OFFSET);
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return yy + mm + dd;
}
