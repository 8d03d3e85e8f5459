import { sql, type SQL } from 'drizzle-orm';
import { earlyResult, lateResult, overdueWhileOpen } from './deadline-rules.js';
import type { PeriodDossiers } from './period-dossiers.js';
import type { ResolvedPeriod } from './report-period.js';

/**
 * The columns of the periodic report on handling administrative procedures, as we read the form
 * attached to Circular 01/2020/TT-VPCP (wording unverified against the gazette): dossiers to handle
 * in the period, split by where they came from, and what became of them by the period's end.
 * They add up: carriedOver + received = toHandle = resolved + inProgressAtEnd + endedWithoutResult.
 */
export interface DossierCounts {
  /** Số hồ sơ nhận giải quyết: carried over plus newly received. */
  toHandle: number;
  /** Tồn kỳ trước chuyển qua: received before the period and still open at its start. */
  carriedOver: number;
  /** Mới tiếp nhận trong kỳ. */
  received: number;
  /** … trực tuyến. */
  receivedOnline: number;
  /** … trực tiếp, bưu chính (and through a proxy). */
  receivedInPersonOrPost: number;
  /** Đã giải quyết trong kỳ: a result in the period, whenever the dossier was received. */
  resolved: number;
  /** … trước hạn: on a civil day before the due date's. */
  resolvedEarly: number;
  /** … đúng hạn: on the due date's civil day (or without a due date). */
  resolvedOnTime: number;
  /** … quá hạn: after the due date's civil day, or ever marked overdue. */
  resolvedLate: number;
  /** Đang giải quyết at the period's end. */
  inProgressAtEnd: number;
  /** … trong hạn. */
  inProgressInTime: number;
  /** … quá hạn: marked overdue, or due, before the period's end (or now, if sooner). */
  inProgressOverdue: number;
  /** Refused at intake, withdrawn or stopped (3, 7, 8) in the period: no result, no longer open. */
  endedWithoutResult: number;
}

/** A bound as a timestamptz literal: raw `sql` parameters get no column encoder. */
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * The report's select list over `periodDossiers` (outer-joined by the province report, so each
 * count names a column that is never null on a real row). One list for the province and unit
 * reports, so they cannot drift apart.
 */
export function dossierCounts(p: PeriodDossiers, period: ResolvedPeriod): { [K in keyof DossierCounts]: SQL<number> } {
  const [start, end, asOf] = [at(period.start), at(period.end), at(period.asOf)];
  const count = (filter: SQL) => sql<number>`(count(${p.receivedAt}) filter (where ${filter}))::int`;
  // Every row was received before the end (periodDossiers), so "received" needs only the start.
  const received = sql`${p.receivedAt} >= ${start}`;
  const carriedOver = sql`${p.receivedAt} < ${start} and (${p.closedAt} is null or ${p.closedAt} >= ${start})`;
  const resolved = sql`${p.finishedAt} >= ${start} and ${p.finishedAt} < ${end}`;
  // Never null (deadline-rules.ts), so "on time" can be "neither early nor late".
  const [late, early] = [lateResult(p), earlyResult(p)];
  const inProgressAtEnd = sql`(${p.closedAt} is null or ${p.closedAt} >= ${end})`;
  const overdueAtEnd = overdueWhileOpen(p, asOf);
  return {
    toHandle: count(sql`(${carriedOver}) or (${received})`),
    carriedOver: count(carriedOver),
    received: count(received),
    receivedOnline: count(sql`${received} and ${p.channel} = 'online'`),
    receivedInPersonOrPost: count(sql`${received} and ${p.channel} <> 'online'`),
    resolved: count(resolved),
    resolvedEarly: count(sql`${resolved} and ${early}`),
    resolvedOnTime: count(sql`${resolved} and not ${early} and not ${late}`),
    resolvedLate: count(sql`${resolved} and ${late}`),
    inProgressAtEnd: count(inProgressAtEnd),
    inProgressInTime: count(sql`${inProgressAtEnd} and not ${overdueAtEnd}`),
    inProgressOverdue: count(sql`${inProgressAtEnd} and ${overdueAtEnd}`),
    endedWithoutResult: count(sql`${p.finishedAt} is null and ${p.closedAt} >= ${start} and ${p.closedAt} < ${end}`),
  };
}

export const ZERO: DossierCounts = {
  toHandle: 0, carriedOver: 0, received: 0, receivedOnline: 0, receivedInPersonOrPost: 0,
  resolved: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0,
  inProgressAtEnd: 0, inProgressInTime: 0, inProgressOverdue: 0, endedWithoutResult: 0,
};

/** Sums rows into totals (the national line, or the province line of a unit report). */
export function sumCounts(rows: readonly DossierCounts[]): DossierCounts {
  const total = { ...ZERO };
  for (const row of rows) for (const key of Object.keys(total) as (keyof DossierCounts)[]) total[key] += row[key];
  return total;
}
