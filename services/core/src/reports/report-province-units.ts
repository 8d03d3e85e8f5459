import { schema, withMinistryRead } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from './assert-national-read.js';
import { dossierCounts, sumCounts } from './dossier-counts.js';
import { periodDossiers } from './period-dossiers.js';
import { ReportPeriod, resolvePeriod } from './report-period.js';

/**
 * One province's report by receiving unit (đơn vị tiếp nhận), for the ministry's drill-down.
 * Only units with dossiers to handle in the period are listed: a province has hundreds of units.
 */
export async function reportProvinceUnits({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ReportPeriod }) {
  assertNationalRead(ctx);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const { tenants: t, orgUnits: u } = schema;
  return withMinistryRead(ctx.sql, async (tx) => {
    const [province] = await tx.select({ id: t.id, code: t.code, name: t.name, fullName: t.fullName }).from(t).where(eq(t.id, tenantId));
    if (!province) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố này.', en: 'No such province.' });
    const p = periodDossiers(tx, { period, tenantId });
    const counts = dossierCounts(p, period);
    const items = await tx
      .select({ orgUnitId: u.id, code: u.code, name: u.name, ...counts })
      .from(p)
      .innerJoin(u, and(eq(u.tenantId, p.tenantId), eq(u.id, p.receivingUnitId)))
      // periodDossiers holds only dossiers to handle in the period (carried over or received), so
      // a unit whose dossiers all closed before it is not listed.
      .groupBy(u.id, u.code, u.name)
      .orderBy(desc(counts.toHandle), asc(u.name));
    return { province, period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
  });
}
