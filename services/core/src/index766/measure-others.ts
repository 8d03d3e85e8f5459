import { schema, type TenantDb } from '@gov/db';
import type { Mean, Share } from '@gov/domain';
import { and, countDistinct, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { groupKey, type MeasureScope } from './measure-scope.js';

const { dossiers: d, payments: pay, satisfactionSurveys: s, orgUnits: u, procedureSettings: ps, procedures: p } = schema;

/**
 * Payments recorded as paid in the quarter, and how many online, by the dossier's receiving unit.
 * A group with no payment recorded is absent: the criterion is then not measured.
 */
export async function measurePayments(tx: TenantDb, scope: MeasureScope): Promise<Map<string, Share>> {
  const key = groupKey(scope);
  const rows = await tx
    .select({ key, whole: sql<number>`count(*)::int`, part: sql<number>`(count(*) filter (where ${pay.method} = 'online'))::int` })
    .from(pay)
    .innerJoin(d, and(eq(d.tenantId, pay.tenantId), eq(d.id, pay.dossierId)))
    .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
    .where(
      and(
        scope.tenantId ? eq(pay.tenantId, scope.tenantId) : undefined,
        eq(pay.status, 'paid'),
        gte(pay.paidAt, scope.start),
        lt(pay.paidAt, scope.end),
        scope.unitFilter,
      ),
    )
    .groupBy(key);
  return new Map(rows.map(({ key, ...share }) => [key, share]));
}

/** The survey's overall criterion, averaged over the answers sent in the quarter, by the dossier's receiving unit. */
export async function measureSurveys(tx: TenantDb, scope: MeasureScope): Promise<Map<string, Mean>> {
  const key = groupKey(scope);
  const rows = await tx
    .select({ key, count: sql<number>`count(*)::int`, average: sql<number>`avg(${s.overall})::float8` })
    .from(s)
    .innerJoin(u, and(eq(u.tenantId, s.tenantId), eq(u.id, s.unitId)))
    .where(and(scope.tenantId ? eq(s.tenantId, scope.tenantId) : undefined, gte(s.submittedAt, scope.start), lt(s.submittedAt, scope.end), scope.unitFilter))
    .groupBy(key);
  return new Map(rows.map(({ key, ...mean }) => [key, mean]));
}

/** The catalog's levels a province serves: its own and its communes'. */
const PROVINCE_LEVELS = ['province', 'commune'] as const;

/**
 * Procedures each province publishes (active in its settings) among the national catalog's
 * procedures of its levels, by code. The settings keep no history, so this is the catalog as it
 * stands when read, also for a past quarter (docs/domain/feedback-and-reports.md).
 */
export async function measurePublished(tx: TenantDb, tenantId?: string): Promise<(tenantId: string) => Share> {
  const [catalog] = await tx
    .select({ n: countDistinct(p.code) })
    .from(p)
    .where(inArray(p.level, [...PROVINCE_LEVELS]));
  const whole = catalog?.n ?? 0;
  const ofLevels = tx
    .selectDistinct({ code: p.code })
    .from(p)
    .where(inArray(p.level, [...PROVINCE_LEVELS]));
  const rows = await tx
    .select({ tenantId: ps.tenantId, part: countDistinct(ps.procedureCode) })
    .from(ps)
    .where(and(tenantId ? eq(ps.tenantId, tenantId) : undefined, eq(ps.active, true), inArray(ps.procedureCode, ofLevels)))
    .groupBy(ps.tenantId);
  // A province that publishes none of them is measured, at zero; an empty catalog is not measured.
  return (id) => ({ part: rows.find((r) => r.tenantId === id)?.part ?? 0, whole });
}
