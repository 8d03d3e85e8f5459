import { schema, streamWithTenant, withTenant, type TenantDb } from '@gov/db';
import { and, count, desc, eq, gte, isNull, lt, or, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { DateRange, dayBounds, ORDER_PROBLEM, ordered, Paging } from './log-filters.js';

const { ministryReads: m, users: u } = schema;

export const ListMinistryReads = v.pipe(
  v.object({ ...DateRange, ...Paging }),
  v.forward(
    v.check((p) => ordered(p), ORDER_PROBLEM),
    ['to'],
  ),
);
export type ListMinistryReads = v.InferInput<typeof ListMinistryReads>;

/**
 * Bộ đã xem dữ liệu của tỉnh: who at the ministry read this province's data, and what, newest
 * first. National reports (every province at once) are listed too, marked `national`. Read by
 * whoever may read the province's audit log: its province admin, and ministry staff.
 */
export async function listMinistryReads({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListMinistryReads }) {
  assertCanInTenant(ctx, 'read', 'AuditLog', tenantId);
  const { page, pageSize, ...range } = parseInput(ListMinistryReads, input);
  const where = readsFilter(tenantId, range);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await readRows(tx, where)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await tx.select({ n: count() }).from(m).where(where);
    return { items: rows.map(withNational), total: total?.n ?? 0, page, pageSize };
  });
}

export const ExportMinistryReads = v.pipe(
  v.object(DateRange),
  v.forward(
    v.check((p) => ordered(p), ORDER_PROBLEM),
    ['to'],
  ),
);
export type ExportMinistryReads = v.InferInput<typeof ExportMinistryReads>;

/** Every read in the period, in the list's order, read with a cursor for an export; the same rights. */
export async function* exportMinistryReads({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ExportMinistryReads }) {
  assertCanInTenant(ctx, 'read', 'AuditLog', tenantId);
  const where = readsFilter(tenantId, parseInput(ExportMinistryReads, input));
  for await (const row of streamWithTenant(ctx.sql, tenantId, (tx) => readRows(tx, where))) yield withNational(row);
}

/** The province's rows and the national reports (no province), in the period. */
function readsFilter(tenantId: string, range: { from?: string; to?: string }): SQL | undefined {
  const { start, end } = dayBounds(range);
  return and(or(eq(m.tenantId, tenantId), isNull(m.tenantId)), start ? gte(m.occurredAt, start) : undefined, end ? lt(m.occurredAt, end) : undefined);
}

function readRows(tx: TenantDb, where: SQL | undefined) {
  return tx
    .select({
      id: m.id,
      occurredAt: m.occurredAt,
      tenantId: m.tenantId,
      actorUserId: m.actorUserId,
      actorLogin: u.login,
      actorName: u.displayName,
      resource: m.resource,
      resourceIds: m.resourceIds,
      requestId: m.requestId,
    })
    .from(m)
    .innerJoin(u, eq(u.id, m.actorUserId))
    .where(where)
    .orderBy(desc(m.occurredAt), desc(m.id));
}

const withNational = <T extends { tenantId: string | null }>({ tenantId, ...row }: T) => ({ ...row, national: tenantId === null });
