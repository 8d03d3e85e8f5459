import { schema, withMinistryRead } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from './assert-national-read.js';
import { dossierCounts, sumCounts } from './dossier-counts.js';
import { ReportPeriod, resolvePeriod } from './report-period.js';

/**
 * One province's report by receiving unit (đơn vị tiếp nhận), for the ministry's drill-down.
 * Only units that received a dossier in the period are listed: a province has hundreds of units.
 */
export async function reportProvinceUnits({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ReportPeriod }) {
  assertNationalRead(ctx);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const { tenants: t, dossiers: d, orgUnits: u } = schema;
  return withMinistryRead(ctx.sql, async (tx) => {
    const [province] = await tx.select({ id: t.id, code: t.code, name: t.name, fullName: t.fullName }).from(t).where(eq(t.id, tenantId));
    if (!province) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố này.', en: 'No such province.' });
    const items = await tx
      .select({ orgUnitId: u.id, code: u.code, name: u.name, ...dossierCounts })
      .from(d)
      .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
      .where(and(eq(d.tenantId, tenantId), gte(d.receivedAt, period.start), lt(d.receivedAt, period.end)))
      .groupBy(u.id, u.code, u.name)
      .orderBy(desc(sql`count(${d.id})`), asc(u.name));
    return { province, period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
  });
}
