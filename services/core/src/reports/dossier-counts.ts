import { schema } from '@gov/db';
import { sql, type SQL } from 'drizzle-orm';

const d = schema.dossiers;

// Refused at intake (3), withdrawn (7) and stopped (8) end without a result: neither in progress
// nor resolved, but still received.
const finished = sql`${d.finishedAt} is not null`;
const inProgress = sql`${d.finishedAt} is null and ${d.nationalStatus} not in (3, 7, 8)`;
// Late: finished after the promised date, or ever marked overdue. An apology letter moves the date
// shown to the applicant, but the dossier stays overdue in every report (DOMAIN.md §4).
const late = sql`(${d.overdueAt} is not null or (${d.dueAt} is not null and ${d.finishedAt} > ${d.dueAt}))`;
const overdueNow = sql`(${d.overdueAt} is not null or ${d.dueAt} < now())`;

const count = (filter?: SQL) => (filter ? sql<number>`(count(${d.id}) filter (where ${filter}))::int` : sql<number>`count(${d.id})::int`);

/**
 * The report's counts over `dossiers` rows (outer-joined, so a group without dossiers counts 0).
 * Kept as one select list so the province and unit reports cannot drift apart.
 */
export const dossierCounts = {
  received: count(),
  inProgress: count(inProgress),
  resolvedOnTime: count(sql`${finished} and not ${late}`),
  resolvedLate: count(sql`${finished} and ${late}`),
  overdueNow: count(sql`${inProgress} and ${overdueNow}`),
  online: count(sql`${d.channel} = 'online'`),
};

export interface DossierCounts {
  received: number;
  inProgress: number;
  resolvedOnTime: number;
  resolvedLate: number;
  overdueNow: number;
  online: number;
}

export const ZERO: DossierCounts = { received: 0, inProgress: 0, resolvedOnTime: 0, resolvedLate: 0, overdueNow: 0, online: 0 };

/** Sums rows into totals (the national line, or the province line of a unit report). */
export function sumCounts(rows: readonly DossierCounts[]): DossierCounts {
  const total = { ...ZERO };
  for (const row of rows) for (const key of Object.keys(total) as (keyof DossierCounts)[]) total[key] += row[key];
  return total;
}
