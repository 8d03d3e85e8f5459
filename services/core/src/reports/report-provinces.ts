import { schema, withMinistryRead } from '@gov/db';
import { asc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from './assert-national-read.js';
import { sumCounts, type DossierCounts } from './dossier-counts.js';
import { countsOf, periodCounts, periodSums } from './period-counts.js';
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
 * query across every tenant as gov_ministry, read only, over the period's days and months of
 * dossier_counts and the dossiers open at its end (period-counts.ts); provinces are the outer side
 * so one without dossiers shows zeros. A dossier handed over between provinces is in both provinces'
 * lines and once in the national total.
 */
export async function reportProvinces({ ctx, input }: { ctx: ServiceContext; input: ReportPeriod }) {
  assertNationalRead(ctx);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const t = schema.tenants;
  const groups = await withMinistryRead(ctx.sql, (tx) => {
    const p = periodCounts(tx, { period });
    // Each province's own rows and its copies of dossiers handed over from another province, apart,
    // in one pass: the copies are its work (its line), but not a second dossier for the country.
    const handedIn = sql<boolean>`coalesce(${p.handedIn}, false)`;
    return (
      tx
        .select({ tenantId: t.id, code: t.code, name: t.name, fullName: t.fullName, handedIn, ...periodSums(p) })
        .from(t)
        .leftJoin(p, eq(p.tenantId, t.id))
        .groupBy(t.id, handedIn)
        // By id too, so a province's two groups are next to each other.
        .orderBy(asc(t.code), asc(t.id))
    );
  });
  const items: ProvinceReportRow[] = [];
  const counted = groups.map(({ tenantId, code, name, fullName, handedIn, toHandle: _, ...sums }) => ({
    tenantId,
    code,
    name,
    fullName,
    handedIn,
    ...countsOf(sums),
  }));
  for (const { handedIn: _, ...group } of counted) {
    const last = items.at(-1);
    if (last?.tenantId === group.tenantId) Object.assign(last, sumCounts([last, group]));
    else items.push(group);
  }
  // Cả nước counts a handed-over dossier once, by the province that received it from the applicant
  // (docs/domain/report-rules.md): the provinces' lines add up to more by their `forOtherProvince`.
  const totals = sumCounts(counted.filter((group) => !group.handedIn));
  return { period: { from: period.from, to: period.to }, items, totals };
}
