import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { CivilDate, resolvePeriod } from '../reports/report-period.js';
import { assertUnitInScope } from '../work-lists/list-work-list.js';

const { satisfactionSurveys: s, orgUnits: u, procedures: p, tenants } = schema;

export const SurveyResultsQuery = v.pipe(
  v.object({
    /** Answers sent from this civil day (Vietnam) to `to`, both inclusive; the default is this month so far. */
    from: v.optional(CivilDate),
    to: v.optional(CivilDate),
    /** Only answers about dossiers received by this unit or a unit below it. */
    unitId: v.optional(v.pipe(v.string(), v.uuid('mã đơn vị không hợp lệ'))),
    procedureCode: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'mã thủ tục không được để trống'), v.maxLength(20, 'mã thủ tục quá dài'))),
  }),
  v.forward(
    v.check((q) => !q.from || !q.to || q.from <= q.to, 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc'),
    ['to'],
  ),
);
export type SurveyResultsQuery = v.InferInput<typeof SurveyResultsQuery>;

/** Count and average of each criterion, to two decimals (null when nothing was answered). */
const averages = {
  count: sql<number>`count(*)`.mapWith(Number),
  attitude: sql<number | null>`round(avg(${s.attitude}), 2)::float8`,
  timeliness: sql<number | null>`round(avg(${s.timeliness}), 2)::float8`,
  clarity: sql<number | null>`round(avg(${s.clarity}), 2)::float8`,
  overall: sql<number | null>`round(avg(${s.overall}), 2)::float8`,
};

/**
 * The satisfaction survey's results for a period (by day answered, Vietnam time), per receiving
 * unit and per procedure, with the whole. Only counts and averages: never one answer, its comment
 * or its dossier. For whoever reads the province's reports (its admins and leaders: the whole
 * province; a unit's: their subtree, as a SQL filter beside row-level security) and ministry staff.
 */
export async function surveyResults({
  ctx,
  tenantId,
  input,
  now = new Date(),
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: SurveyResultsQuery;
  now?: Date;
}) {
  assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const q = parseInput(SurveyResultsQuery, input);
  const period = resolvePeriod({ from: q.from, to: q.to }, now);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
    if (q.unitId) await assertUnitInScope(ctx, tx, tenantId, q.unitId);
    const where = and(
      eq(s.tenantId, tenantId),
      gte(s.submittedAt, period.start),
      lt(s.submittedAt, period.end),
      abilityFilter(ctx.ability, 'read', 'Report', { tenantId: s.tenantId, orgUnitPath: u.path }),
      q.unitId ? sql`${u.path} @> ${sql.param([q.unitId])}::uuid[]` : undefined,
      q.procedureCode ? eq(s.procedureCode, q.procedureCode) : undefined,
    );
    const unitJoin = and(eq(u.tenantId, s.tenantId), eq(u.id, s.unitId));
    const [byUnit, byCode, [total]] = await Promise.all([
      tx
        .select({ unitId: u.id, unitCode: u.code, unitName: u.name, ...averages })
        .from(s)
        .innerJoin(u, unitJoin)
        .where(where)
        .groupBy(u.id, u.code, u.name)
        .orderBy(desc(averages.count), asc(u.name)),
      tx
        .select({ procedureCode: s.procedureCode, ...averages })
        .from(s)
        .innerJoin(u, unitJoin)
        .where(where)
        .groupBy(s.procedureCode)
        .orderBy(desc(averages.count), asc(s.procedureCode)),
      tx.select(averages).from(s).innerJoin(u, unitJoin).where(where),
    ]);
    const codes = byCode.map((row) => row.procedureCode);
    // The catalog keeps every version of a procedure: its name is the latest version's.
    const names =
      codes.length === 0
        ? []
        : await tx.selectDistinctOn([p.code], { code: p.code, name: p.name }).from(p).where(inArray(p.code, codes)).orderBy(p.code, desc(p.version));
    const byProcedure = byCode.map((row) => ({ ...row, procedureName: names.find((n) => n.code === row.procedureCode)?.name ?? null }));
    return { period: { from: period.from, to: period.to }, byUnit, byProcedure, total: total! };
  });
}
