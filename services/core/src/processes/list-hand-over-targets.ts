import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListHandOverTargets = v.object({ province: v.pipe(v.string(), v.uuid('Mã tỉnh không hợp lệ')) });
export type ListHandOverTargets = v.InferOutput<typeof ListHandOverTargets>;

/**
 * Units of a province a designer may hand a dossier over to (liên thông giữa hai tỉnh): its
 * active units, read in that province's own tenant context. Only what a designer picks from —
 * no officer or personal data — and only for someone who may design processes here.
 */
export async function listHandOverTargets({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListHandOverTargets }) {
  assertCan(ctx, 'create', 'ProcessDefinition', { tenantId });
  const { province } = parseInput(ListHandOverTargets, input);
  const t = schema.tenants;
  const [target] = await ctx.db.select({ id: t.id, name: t.name }).from(t).where(eq(t.id, province));
  if (!target) throw notFound({ vi: 'Không tìm thấy tỉnh nhận liên thông.', en: 'Province not found.' });
  const u = schema.orgUnits;
  const items = await withTenant(ctx.sql, target.id, (tx) =>
    tx
      .select({ id: u.id, code: u.code, name: u.name, kind: u.kind })
      .from(u)
      .where(and(eq(u.tenantId, target.id), eq(u.active, true)))
      .orderBy(asc(u.code)),
  );
  return { province: target, items };
}
