import { schema, withMinistryRead } from '@gov/db';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from './assert-national-read.js';
import { dossierCounts, sumCounts, type DossierCounts } from './dossier-counts.js';
import { ReportPeriod, resolvePeriod } from './report-period.js';

export interface ProvinceReportRow extends DossierCounts {
  tenantId: string;
  code: string;
  name: string;
  fullName: string;
}

/**
 * Tổng hợp tình hình giải quyết hồ sơ: per province, the dossiers received in the period and
 * where they stand now (seed 003; seed 004 Art. 19). One aggregate query across every tenant as
 * gov_ministry, read only; provinces are the outer side so one without dossiers shows zeros.
 */
export async function reportProvinces({ ctx, input }: { ctx: ServiceContext; input: ReportPeriod }) {
  assertNationalRead(ctx);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const { tenants: t, dossiers: d } = schema;
  const items: ProvinceReportRow[] = await withMinistryRead(ctx.sql, (tx) =>
    tx
      .select({ tenantId: t.id, code: t.code, name: t.name, fullName: t.fullName, ...dossierCounts })
      .from(t)
      .leftJoin(d, and(eq(d.tenantId, t.id), gte(d.receivedAt, period.start), lt(d.receivedAt, period.end)))
      .groupBy(t.id)
      .orderBy(asc(t.code)),
  );
  return { period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
}
