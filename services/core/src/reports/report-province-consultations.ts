import { schema } from '@gov/db';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context.js';
import { at } from './dossier-counts.js';
import { readProvinceReport, type ProvinceReportInput } from './province-report-scope.js';

/** What one line of the consultation report counts. */
export interface ConsultationCounts {
  opened: number;
  answeredOnTime: number;
  answeredLate: number;
  openOverdue: number;
}

/** The name shown for a consulted unit of another province this reader cannot read. */
export const OTHER_PROVINCE_UNIT = 'Đơn vị của tỉnh khác';

/**
 * Xin ý kiến các đơn vị: the consultation requests the province's units opened in the period, one
 * line per unit asked (docs/domain/consultations.md, "In the reports"). A request belongs to the
 * period it was opened in and to the scope of the unit that asked (the same scopes as the report
 * by unit); it is judged as it stood at the period's end, or now while the period runs: answered
 * by then on time or late, or still open and past its deadline. A request to another province's
 * unit counts here, in the asking province, under that unit; the consulted province's copy of it
 * is never read. Only requests this province asked are counted.
 */
export async function reportProvinceConsultations({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput }) {
  return readProvinceReport({ ctx, tenantId, input }, async (tx, { province, scope, unit, period, inScope }) => {
    const c = schema.dossierConsultations;
    // The asking unit is `org_units` itself: the scope's filter names that table.
    const asking = schema.orgUnits;
    const consulted = alias(schema.orgUnits, 'consulted');
    const asOf = at(period.asOf);
    const answered = sql`coalesce(${c.answeredAt} < ${asOf}, false)`;
    const opened = sql<number>`count(*)::int`;
    const items = await tx
      .select({
        orgUnitId: c.consultedUnitId,
        otherProvince: sql<boolean>`${c.consultedTenantId} <> ${c.askingTenantId}`,
        code: sql<string>`coalesce(${consulted.code}, '')`,
        // Another province's unit is readable only to the ministry (gov_ministry reads every province).
        name: sql<string>`coalesce(${consulted.name}, ${OTHER_PROVINCE_UNIT})`,
        opened,
        answeredOnTime: sql<number>`(count(*) filter (where ${answered} and ${c.answeredAt} <= ${c.dueAt}))::int`,
        answeredLate: sql<number>`(count(*) filter (where ${answered} and ${c.answeredAt} > ${c.dueAt}))::int`,
        openOverdue: sql<number>`(count(*) filter (where not ${answered} and ${c.dueAt} < ${asOf}))::int`,
      })
      .from(c)
      .innerJoin(asking, and(eq(asking.tenantId, c.tenantId), eq(asking.id, c.askingUnitId)))
      .leftJoin(consulted, and(eq(consulted.tenantId, c.consultedTenantId), eq(consulted.id, c.consultedUnitId)))
      .where(
        and(eq(c.tenantId, tenantId), eq(c.askingTenantId, tenantId), gte(c.requestedAt, period.start), lt(c.requestedAt, period.end), inScope(asking.path)),
      )
      .groupBy(c.consultedTenantId, c.askingTenantId, c.consultedUnitId, consulted.code, consulted.name)
      .orderBy(desc(opened), asc(sql`coalesce(${consulted.name}, ${OTHER_PROVINCE_UNIT})`), asc(c.consultedUnitId));
    const totals: ConsultationCounts = { opened: 0, answeredOnTime: 0, answeredLate: 0, openOverdue: 0 };
    for (const item of items) for (const key of Object.keys(totals) as (keyof ConsultationCounts)[]) totals[key] += item[key];
    return { province, scope, unit, period: { from: period.from, to: period.to }, items, totals };
  });
}
