import { schema, withTenant } from '@gov/db';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { ReportPeriod, resolvePeriod } from '../reports/report-period.js';

const { feedbackItems: f, orgUnits: u } = schema;

/**
 * Feedback received in the period (Vietnam civil days, default this month so far), for the
 * province's reports: answered on time, answered late, still unanswered and past the due time
 * (judged at the period's end, or now while it runs), and unanswered within time. Scoped like the
 * other reports: the `read Report` rules by the responsible unit.
 */
export async function feedbackCounts({ ctx, tenantId, input, now = new Date() }: { ctx: ServiceContext; tenantId: string; input: ReportPeriod; now?: Date }) {
  assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const period = resolvePeriod(parseInput(ReportPeriod, input), now);
  const asOf = sql`${period.asOf.toISOString()}::timestamptz`;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [row] = await tx
      .select({
        received: sql<number>`count(*)`.mapWith(Number),
        answeredOnTime: sql<number>`count(*) filter (where ${f.answeredAt} <= ${f.dueAt})`.mapWith(Number),
        answeredLate: sql<number>`count(*) filter (where ${f.answeredAt} > ${f.dueAt})`.mapWith(Number),
        openOverdue: sql<number>`count(*) filter (where ${f.answeredAt} is null and ${f.dueAt} < ${asOf})`.mapWith(Number),
        openInTime: sql<number>`count(*) filter (where ${f.answeredAt} is null and ${f.dueAt} >= ${asOf})`.mapWith(Number),
      })
      .from(f)
      .innerJoin(u, and(eq(u.tenantId, f.tenantId), eq(u.id, f.unitId)))
      .where(
        and(
          eq(f.tenantId, tenantId),
          gte(f.receivedAt, period.start),
          lt(f.receivedAt, period.end),
          abilityFilter(ctx.ability, 'read', 'Report', { tenantId: f.tenantId, orgUnitPath: u.path }),
        ),
      );
    return { from: period.from, to: period.to, ...row! };
  });
}
