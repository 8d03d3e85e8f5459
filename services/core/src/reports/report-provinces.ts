import { schema, withMinistryRead } from '@gov/db';
import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from './assert-national-read.js';
import { dossierCounts, sumCounts, type DossierCounts } from './dossier-counts.js';
import { periodDossiers } from './period-dossiers.js';
import { ReportPeriod, resolvePeriod } from './report-period.js';

export interface ProvinceReportRow extends DossierCounts {
  tenantId: string;
  code: string;
  name: string;
  fullName: string;
}

/**
 * Tổng hợp tình hình giải quyết hồ sơ: per province, the dossiers to handle in the period and what
 * became of them (docs/domain/feedback-and-reports.md; dossier-counts.ts for the columns). One aggregate
 * query across every tenant as gov_ministry, read only; provinces are the outer side so one
 * without dossiers shows zeros.
 */
export async function reportProvinces({ ctx, input }: { ctx: ServiceContext; input: ReportPeriod }) {
  assertNationalRead(ctx);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const t = schema.tenants;
  const items: ProvinceReportRow[] = await withMinistryRead(ctx.sql, (tx) => {
    const p = periodDossiers(tx, { period });
    return tx
      .select({ tenantId: t.id, code: t.code, name: t.name, fullName: t.fullName, ...dossierCounts(p, period) })
      .from(t)
      .leftJoin(p, eq(p.tenantId, t.id))
      .groupBy(t.id)
      .orderBy(asc(t.code));
  });
  return { period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
}
