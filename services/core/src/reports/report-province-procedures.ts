import { schema } from '@gov/db';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { sumCounts } from './dossier-counts.js';
import { countsOf, periodCounts, periodSums } from './period-counts.js';
import { readProvinceReport, type ProvinceReportInput } from './province-report-scope.js';

/**
 * One province's report by procedure (theo thủ tục): the same columns and rules as the report by
 * unit, grouped by the procedure's code (every version of a procedure on one line), within the
 * caller's scope of receiving units. Only procedures with dossiers to handle in the period are
 * listed; the totals add up the lines, so they equal the report by unit's for the same scope.
 */
export async function reportProvinceProcedures({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput }) {
  return readProvinceReport({ ctx, tenantId, input }, async (tx, { province, scope, unit, period, inScope }) => {
    const { orgUnits: u, procedures: pr } = schema;
    const p = periodCounts(tx, { period, tenantId });
    const sums = periodSums(p);
    // The newest version's name, should a later version have renamed the procedure.
    const name = sql<string>`(array_agg(${pr.name} order by ${pr.version} desc))[1]`;
    const rows = await tx
      .select({ procedureCode: pr.code, name, ...sums })
      .from(p)
      .innerJoin(u, and(eq(u.tenantId, p.tenantId), eq(u.id, p.unitId)))
      .innerJoin(pr, eq(pr.id, p.procedureId))
      .where(inScope(u.path))
      .groupBy(pr.code)
      .having(gt(sums.toHandle, 0))
      .orderBy(desc(sums.toHandle), asc(pr.code));
    const items = rows.map(({ procedureCode, name, ...s }) => ({ procedureCode, name, ...countsOf(s) }));
    return { province, scope, unit, period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
  });
}
