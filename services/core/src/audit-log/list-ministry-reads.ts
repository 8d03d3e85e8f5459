import { schema, withTenant } from '@gov/db';
import { and, count, desc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { DateRange, dayBounds, ORDER_PROBLEM, ordered, Paging } from './log-filters.js';

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
  const { start, end } = dayBounds(range);
  const { ministryReads: m, users: u } = schema;
  const where = and(or(eq(m.tenantId, tenantId), isNull(m.tenantId)), start ? gte(m.occurredAt, start) : undefined, end ? lt(m.occurredAt, end) : undefined);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
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
      .orderBy(desc(m.occurredAt), desc(m.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await tx.select({ n: count() }).from(m).where(where);
    const items = rows.map(({ tenantId: readTenant, ...row }) => ({ ...row, national: readTenant === null }));
    return { items, total: total?.n ?? 0, page, pageSize };
  });
}
