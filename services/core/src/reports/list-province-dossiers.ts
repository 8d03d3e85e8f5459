import { schema, streamMinistryRead, withMinistryRead, type TenantDb } from '@gov/db';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from './assert-national-read.js';
import { lateAsOf } from './deadline-rules.js';

const { dossiers: d, procedures: p, orgUnits: u } = schema;

export const ListProvinceDossiers = v.object({
  /** National status code (1–10, docs/domain/statuses.md); all when left out. */
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'trạng thái từ 1 đến 10'), v.maxValue(10, 'trạng thái từ 1 đến 10'))),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
});
export type ListProvinceDossiers = v.InferInput<typeof ListProvinceDossiers>;

/**
 * The ministry's read-only view of one province's dossiers, newest first, one page at a time.
 * It is a report, so it carries no applicant data (name, ID, contact): the ministry compares how
 * dossiers move, the province serves the people in them. `overdue` (Quá hạn) is the reports' own
 * rule, judged now: a late result, or open past its date; never a dossier closed without a result.
 */
export async function listProvinceDossiers({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListProvinceDossiers }) {
  assertNationalRead(ctx);
  const { status, page, pageSize } = parseInput(ListProvinceDossiers, input);
  const where = provinceDossierFilter(tenantId, status);
  return withMinistryRead(ctx.sql, async (tx) => {
    const items = await provinceDossiers(tx, where)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await tx.select({ n: count() }).from(d).where(where);
    return { items, total: total?.n ?? 0, page, pageSize };
  });
}

function provinceDossierFilter(tenantId: string, status: number | undefined): SQL | undefined {
  return and(eq(d.tenantId, tenantId), status === undefined ? undefined : eq(d.nationalStatus, status));
}

/** The list's rows and order, for a page or for the whole export. */
function provinceDossiers(tx: TenantDb, where: SQL | undefined) {
  return tx
    .select({
      id: d.id,
      code: d.code,
      procedureCode: p.code,
      procedureName: p.name,
      channel: d.channel,
      receivingUnitName: u.name,
      nationalStatus: d.nationalStatus,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      finishedAt: d.finishedAt,
      overdue: lateAsOf(d, sql`now()`),
    })
    .from(d)
    .innerJoin(p, eq(p.id, d.procedureId))
    .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
    .where(where)
    .orderBy(desc(d.receivedAt), desc(d.id));
}

export const ExportProvinceDossiers = v.pick(ListProvinceDossiers, ['status']);
export type ExportProvinceDossiers = v.InferInput<typeof ExportProvinceDossiers>;

/**
 * Every dossier of the list's filter, in its order, read with a cursor for an export (CSV,
 * XLSX): the same rows and the same rights as listProvinceDossiers, never all in memory.
 */
export async function* exportProvinceDossiers({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ExportProvinceDossiers }) {
  assertNationalRead(ctx);
  const { status } = parseInput(ExportProvinceDossiers, input);
  yield* streamMinistryRead(ctx.sql, (tx) => provinceDossiers(tx, provinceDossierFilter(tenantId, status)));
}
