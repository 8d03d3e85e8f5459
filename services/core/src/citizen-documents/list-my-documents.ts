import { schema, withUser } from '@gov/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertStoreOwner, documentColumns } from './store-owner.js';

export const ListMyDocuments = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 20),
});
export type ListMyDocuments = v.InferInput<typeof ListMyDocuments>;

/**
 * "Kho giấy tờ của tôi": the signed-in citizen's stored documents from every province, newest
 * first, without the ones they hid. One transaction with only their user id set: the table's
 * policies show their rows and nothing else, across provinces.
 */
export async function listMyDocuments({ ctx, input }: { ctx: ServiceContext; input: ListMyDocuments }) {
  const userId = assertStoreOwner(ctx);
  const q = parseInput(ListMyDocuments, input);
  const { citizenDocuments: c, tenants: t } = schema;
  const rows = await withUser(ctx.sql, userId, (tx) =>
    tx
      .select({ ...documentColumns, provinceName: t.fullName, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(c)
      .innerJoin(t, eq(t.id, c.tenantId))
      .where(and(eq(c.ownerUserId, userId), isNull(c.deletedAt)))
      .orderBy(desc(c.createdAt), desc(c.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
  );
  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
