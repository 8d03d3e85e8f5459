import { schema } from '@gov/db';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { readProvinceReport, type ProvinceReportInput } from './province-report-scope.js';

/** What one line of the fee report counts. */
export interface FeeCounts {
  paid: number;
  paidOnline: number;
  amountVnd: number;
  amountOnlineVnd: number;
}

/**
 * Phí, lệ phí đã thu: the fees paid in the period, by the dossier's receiving unit, within the
 * caller's scope (the same as the report by unit). A payment is the dossier's `fee_paid` event;
 * its amount is the one the platform confirmed (online) or, recorded at the counter, the last fee
 * asked before it (docs/domain/fees-and-payment.md). Paid online means through the payment
 * platform.
 */
export async function reportProvinceFees({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput }) {
  return readProvinceReport({ ctx, tenantId, input }, async (tx, { province, scope, unit, period, inScope }) => {
    const { orgUnits: u, dossiers: d, dossierEvents: e } = schema;
    const asked = sql`(select (r.content ->> 'amountVnd')::bigint from dossier_events r
      where r.tenant_id = ${e.tenantId} and r.dossier_id = ${e.dossierId} and r.kind = 'fee_requested' and r.occurred_at <= ${e.occurredAt}
      order by r.occurred_at desc limit 1)`;
    const amount = sql`coalesce((${e.content} ->> 'amountVnd')::bigint, ${asked}, 0)`;
    const online = sql`${e.content} ->> 'method' = 'online'`;
    const paid = sql<number>`count(*)::int`;
    const items = await tx
      .select({
        orgUnitId: u.id,
        code: u.code,
        name: u.name,
        paid,
        paidOnline: sql<number>`(count(*) filter (where ${online}))::int`,
        amountVnd: sql<number>`sum(${amount})::float8`,
        amountOnlineVnd: sql<number>`coalesce(sum(${amount}) filter (where ${online}), 0)::float8`,
      })
      .from(e)
      .innerJoin(d, and(eq(d.tenantId, e.tenantId), eq(d.id, e.dossierId)))
      .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
      .where(and(eq(e.tenantId, tenantId), eq(e.kind, 'fee_paid'), gte(e.occurredAt, period.start), lt(e.occurredAt, period.end), inScope(u.path)))
      .groupBy(u.id, u.code, u.name)
      .orderBy(desc(paid), asc(u.name));
    const totals: FeeCounts = { paid: 0, paidOnline: 0, amountVnd: 0, amountOnlineVnd: 0 };
    for (const item of items) for (const key of Object.keys(totals) as (keyof FeeCounts)[]) totals[key] += item[key];
    return { province, scope, unit, period: { from: period.from, to: period.to }, items, totals };
  });
}
