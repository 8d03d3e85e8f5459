import { MS_PER_DAY, MS_PER_HOUR, VIETNAM_UTC_OFFSET_MS } from '@gov/calendar';
import { type Random, Weighted } from './random.js';

export const HOUR = MS_PER_HOUR;
export const DAY = MS_PER_DAY;
/** Vietnam is UTC+7 all year: local dates (dossier codes, weekends) are UTC shifted by this. */
export const VIETNAM_OFFSET = VIETNAM_UTC_OFFSET_MS;

export type Channel = 'online' | 'in_person' | 'postal' | 'proxy';

export interface Lifecycle {
  status: number;
  localStatus: string;
  dueAt: number;
  finishedAt: number | null;
  /** When it stopped being open (the reports' closed_at); null while open. */
  closedAt: number | null;
  returnedAt: number | null;
  overdueAt: number | null;
}

/** Weekday of a UTC instant in Vietnam: 0 Sunday … 6 Saturday. */
export const localWeekday = (at: number) => new Date(at + VIETNAM_OFFSET).getUTCDay();

/**
 * Deadline from the receipt: `days` working days later, skipping Saturdays and Sundays. Public
 * holidays are ignored: @gov/calendar does it properly, but synthetic deadlines only need to be
 * plausible, and the loader must stay cheap per row.
 */
export function addWorkingDays(at: number, days: number): number {
  let due = at;
  for (let left = days; left > 0;) {
    due += DAY;
    const weekday = localWeekday(due);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return due;
}

/**
 * Status mix (national codes, docs/domain/statuses.md). A dossier still inside its deadline is mostly being
 * worked on; one past it is mostly finished and returned, with a few still open (overdue) and a
 * few refused, withdrawn or stopped. Overall ≈ 90% finished or returned, ≈ 3% overdue.
 */
const OPEN = new Weighted<number>([
  [1, 4],
  [2, 10],
  [4, 40],
  [5, 8],
  [6, 2],
  [9, 14],
  [10, 18],
  [3, 2],
  [7, 2],
]);
const PAST_DEADLINE = new Weighted<number>([
  [10, 80],
  [9, 7],
  [3, 3],
  [7, 2],
  [8, 1],
  [4, 1],
  [5, 0.4],
  [6, 0.1],
]);

const IN_REVIEW = ['in_review', 'in_review', 'awaiting_approval'] as const;
const AWAITING_RETURN: Record<Channel, string> = {
  online: 'awaiting_return_online',
  in_person: 'awaiting_return_in_person',
  postal: 'awaiting_return_postal',
  proxy: 'awaiting_return_in_person',
};

/** The sub-state below the national status (waiting for assignment, for approval, for return…). */
function localStatusOf(status: number, channel: Channel, random: Random): string {
  switch (status) {
    case 1:
      return 'awaiting_reception';
    case 2:
      return 'awaiting_assignment';
    case 3:
      return 'refused';
    case 4:
      return random.pick(IN_REVIEW);
    case 5:
      return 'awaiting_supplement';
    case 6:
      return 'awaiting_payment';
    case 7:
      return 'withdrawn';
    case 8:
      return 'stopped';
    case 9:
      return AWAITING_RETURN[channel];
    default:
      return 'returned';
  }
}

/** Where a dossier received at `receivedAt` stands at `asOf`, with its timestamps. */
export function lifecycle(args: { random: Random; receivedAt: number; workingDays: number; channel: Channel; asOf: number }): Lifecycle {
  const { random, receivedAt, workingDays, channel, asOf } = args;
  const dueAt = addWorkingDays(receivedAt, workingDays);
  const open = dueAt > asOf;
  const status = (open ? OPEN : PAST_DEADLINE).draw(random);
  const localStatus = localStatusOf(status, channel, random);
  let finishedAt: number | null = null;
  let returnedAt: number | null = null;
  let overdueAt: number | null = null;
  if (status === 9 || status === 10) {
    // Most finish early or on time; ~2% of those past their deadline finished late.
    const late = !open && random.chance(0.02);
    const end = open ? asOf : dueAt;
    finishedAt = late ? Math.min(dueAt + random.next() * 5 * DAY, asOf) : receivedAt + (0.15 + 0.85 * random.next()) * (end - receivedAt);
    if (finishedAt > dueAt) overdueAt = dueAt;
    if (status === 10) {
      const wait = channel === 'online' ? random.next() * HOUR : random.next() * 3 * DAY;
      returnedAt = Math.min(finishedAt + wait, asOf);
    }
  } else if (!open && (status === 4 || status === 5 || status === 6)) {
    // Still open after the deadline: overdue, and it stays visible as such in every report.
    overdueAt = dueAt;
  }
  return { status, localStatus, dueAt, finishedAt, closedAt: closedAt(status, finishedAt, receivedAt), returnedAt, overdueAt };
}

/**
 * At the result; a refusal, withdrawal or stop (3, 7, 8) on receipt, as migration 0022 filled in
 * synthetic rows loaded before the column (they have no events to date it): the same seed gives the
 * same reports, and no draw is added, so the same rows.
 */
function closedAt(status: number, finishedAt: number | null, receivedAt: number): number | null {
  if (finishedAt !== null) return finishedAt;
  return status === 3 || status === 7 || status === 8 ? receivedAt : null;
}
