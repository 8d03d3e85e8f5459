import { schema, type TenantDb } from '@gov/db';
import type { Mean, Share } from '@gov/domain';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { lateResult } from '../reports/deadline-rules.js';
import { groupKey, type MeasureScope } from './measure-scope.js';

const { dossiers: d, procedures: p, dossierFiles: f, orgUnits: u } = schema;

export interface DossierMeasures {
  onlineSubmission: Share;
  fullOnline: Share;
  digitisedDossiers: Share;
  resolvedInTime: Share;
  digitisedResults: Share;
  timeUsed: Mean;
}

/** A bound as a timestamptz literal: raw `sql` parameters get no column encoder. */
export const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
const int = (filter: SQL) => sql<number>`(count(*) filter (where ${filter}))::int`;

/**
 * The dossier-based criteria of the index per group (province or receiving unit) for a quarter
 * (docs/domain/feedback-and-reports.md#the-decision-766-index): what was received in it (channel,
 * full-online procedures, papers on file) and what was resolved in it (in time, with the result on
 * file, time used). "In time" is the reports' own rule (deadline-rules.ts), so the index never
 * disagrees with the periodic report.
 */
export async function measureDossiers(tx: TenantDb, scope: MeasureScope): Promise<Map<string, DossierMeasures>> {
  const [start, end] = [at(scope.start), at(scope.end)];
  const received = sql`${d.receivedAt} >= ${start} and ${d.receivedAt} < ${end}`;
  const resolved = sql`${d.finishedAt} >= ${start} and ${d.finishedAt} < ${end}`;
  const online = sql`${d.channel} = 'online'`;
  const fullLevel = sql`${p.onlineServiceLevel} = 'full'`;
  const fileOnRecord = (purpose: 'intake' | 'result') =>
    sql`exists (select 1 from ${f} where ${f.tenantId} = ${d.tenantId} and ${f.dossierId} = ${d.id} and ${f.purpose} = ${purpose})`;
  // Elapsed over allotted, both in clock time from receipt; only dossiers that had a due date.
  const timed = sql`${resolved} and ${d.dueAt} > ${d.receivedAt}`;
  const ratio = sql`extract(epoch from (${d.finishedAt} - ${d.receivedAt})) / extract(epoch from (${d.dueAt} - ${d.receivedAt}))`;
  const key = groupKey(scope);
  const rows = await tx
    .select({
      key,
      received: int(received),
      receivedOnline: int(sql`${received} and ${online}`),
      receivedFullLevel: int(sql`${received} and ${fullLevel}`),
      receivedFullLevelOnline: int(sql`${received} and ${fullLevel} and ${online}`),
      receivedOnFile: int(sql`${received} and ${fileOnRecord('intake')}`),
      resolved: int(resolved),
      resolvedInTime: int(sql`${resolved} and not ${lateResult(d)}`),
      resolvedOnFile: int(sql`${resolved} and ${fileOnRecord('result')}`),
      timed: int(timed),
      timeUsed: sql<number | null>`(avg(${ratio}) filter (where ${timed}))::float8`,
    })
    .from(d)
    .innerJoin(p, eq(p.id, d.procedureId))
    .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
    .where(and(scope.tenantId ? eq(d.tenantId, scope.tenantId) : undefined, or(received, resolved), scope.unitFilter))
    .groupBy(key);
  return new Map(
    rows.map((r) => [
      r.key,
      {
        onlineSubmission: { part: r.receivedOnline, whole: r.received },
        fullOnline: { part: r.receivedFullLevelOnline, whole: r.receivedFullLevel },
        digitisedDossiers: { part: r.receivedOnFile, whole: r.received },
        resolvedInTime: { part: r.resolvedInTime, whole: r.resolved },
        digitisedResults: { part: r.resolvedOnFile, whole: r.resolved },
        timeUsed: { average: r.timeUsed ?? 0, count: r.timed },
      },
    ]),
  );
}
