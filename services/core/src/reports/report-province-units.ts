import { schema } from '@gov/db';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { sumCounts } from './dossier-counts.js';
import { countsOf, periodCounts, periodSums } from './period-counts.js';
import { readProvinceReport, type ProvinceReportInput } from './province-report-scope.js';

/**
 * One province's report by receiving unit (đơn vị tiếp nhận): the ministry's drill-down, and the
 * province's own dashboard. Whoever holds `read Report` in the province sees the units of their
 * scope: its admins and province-level leaders every unit, a unit's leader or admin the units of
 * their subtree (a SQL filter from the same rules, beside row-level security). The totals add up
 * the lines shown, so they are the caller's scope, never more. It adds up the period's days and
 * months of dossier_counts and the dossiers open at its end (period-counts.ts).
 * Only units with dossiers to handle in the period are listed: a province has hundreds of units.
 */
export async function reportProvinceUnits({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput }) {
  return readProvinceReport({ ctx, tenantId, input }, async (tx, { province, scope, unit, period, inScope }) => {
    const u = schema.orgUnits;
    const p = periodCounts(tx, { period, tenantId });
    const sums = periodSums(p);
    const rows = await tx
      .select({ orgUnitId: u.id, code: u.code, name: u.name, ...sums })
      .from(p)
      .innerJoin(u, and(eq(u.tenantId, p.tenantId), eq(u.id, p.unitId)))
      .where(inScope(u.path))
      .groupBy(u.id, u.code, u.name)
      // A unit whose dossiers all closed before the period has nothing to handle in it.
      .having(gt(sums.toHandle, 0))
      .orderBy(desc(sums.toHandle), asc(u.name));
    const items = rows.map(({ orgUnitId, code, name, ...s }) => ({ orgUnitId, code, name, ...countsOf(s) }));
    return { province, scope, unit, period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
  });
}
