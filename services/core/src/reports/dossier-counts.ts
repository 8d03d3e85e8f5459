import type { DossierCounts } from '@gov/domain';
import { sql, type SQL } from 'drizzle-orm';
import { earlyResult, lateResult, overdueWhileOpen } from './deadline-rules.js';
import type { PeriodDossiers } from './period-dossiers.js';
import type { ResolvedPeriod } from './report-period.js';

export type { DossierCounts };

/** A bound as a timestamptz literal: raw `sql` parameters get no column encoder. */
export const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

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
  const ended = sql`${p.finishedAt} is null and ${p.closedAt} >= ${start} and ${p.closedAt} < ${end}`;
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
    endedWithoutResult: count(ended),
    endedOverdue: count(sql`${ended} and ${overdueWhileOpen(p, p.closedAt)}`),
    forOtherProvince: count(sql`((${carriedOver}) or (${received})) and ${p.handedOverFrom} is not null`),
  };
}

export const ZERO: DossierCounts = {
  toHandle: 0,
  carriedOver: 0,
  received: 0,
  receivedOnline: 0,
  receivedInPersonOrPost: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  inProgressAtEnd: 0,
  inProgressInTime: 0,
  inProgressOverdue: 0,
  endedWithoutResult: 0,
  endedOverdue: 0,
  forOtherProvince: 0,
};

/** Sums rows into totals (the national line, or the province line of a unit report). */
export function sumCounts(rows: readonly DossierCounts[]): DossierCounts {
  const total = { ...ZERO };
  for (const row of rows) for (const key of Object.keys(total) as (keyof DossierCounts)[]) total[key] += row[key];
  return total;
}
