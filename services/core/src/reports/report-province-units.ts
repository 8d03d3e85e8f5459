import { schema } from '@gov/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { dossierCounts, sumCounts } from './dossier-counts.js';
import { periodDossiers } from './period-dossiers.js';
import { readProvinceReport, type ProvinceReportInput } from './province-report-scope.js';

/**
 * One province's report by receiving unit (đơn vị tiếp nhận): the ministry's drill-down, and the
 * province's own dashboard. Whoever holds `read Report` in the province sees the units of their
 * scope: its admins and province-level leaders every unit, a unit's leader or admin the units of
 * their subtree (a SQL filter from the same rules, beside row-level security). The totals add up
 * the lines shown, so they are the caller's scope, never more.
 * Only units with dossiers to handle in the period are listed: a province has hundreds of units.
 */
export async function reportProvinceUnits({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput }) {
  return readProvinceReport({ ctx, tenantId, input }, async (tx, { province, scope, unit, period, inScope }) => {
    const u = schema.orgUnits;
    const p = periodDossiers(tx, { period, tenantId });
    const counts = dossierCounts(p, period);
    const items = await tx
      .select({ orgUnitId: u.id, code: u.code, name: u.name, ...counts })
      .from(p)
      .innerJoin(u, and(eq(u.tenantId, p.tenantId), eq(u.id, p.receivingUnitId)))
      .where(inScope(u.path))
      // periodDossiers holds only dossiers to handle in the period (carried over or received), so
      // a unit whose dossiers all closed before it is not listed.
      .groupBy(u.id, u.code, u.name)
      .orderBy(desc(counts.toHandle), asc(u.name));
    return { province, scope, unit, period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
  });
}
