import { withTenant } from '@gov/db';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertOwnDossierReader, selectMyDossiers } from './my-dossiers-query.js';

export const ListMyDossiers = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10),
});
export type ListMyDossiers = v.InferInput<typeof ListMyDossiers>;

/**
 * "Hồ sơ của tôi" in one province: the dossiers the signed-in citizen filed there, newest first.
 * A citizen may ask any province and sees only their own rows; the portal itself lists every
 * province at once (listAllMyDossiers).
 */
export async function listMyDossiers({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListMyDossiers }) {
  const userId = assertOwnDossierReader(ctx);
  const q = parseInput(ListMyDossiers, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const { items, total } = await selectMyDossiers(tx, { tenantId, userId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}
