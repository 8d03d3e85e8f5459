import { schema, withTenant } from '@gov/db';
import { forbidden } from '@gov/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListMyDossiers = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10),
});
export type ListMyDossiers = v.InferInput<typeof ListMyDossiers>;

/**
 * "Hồ sơ của tôi": the dossiers the signed-in citizen filed in one province, newest first.
 * Dossiers live in per-province tables under row-level security, so the portal asks province by
 * province (it remembers where the citizen filed); a citizen may ask any province, and sees only
 * rows whose applicant account is theirs, the condition of their CASL read rule.
 */
export async function listMyDossiers({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListMyDossiers }) {
  if (ctx.actor && ctx.actor.kind !== 'citizen') throw forbidden({ vi: 'Chỉ tài khoản công dân có danh sách "Hồ sơ của tôi".', en: 'Only citizen accounts have "My dossiers".' });
  assertCan(ctx, 'read', 'Dossier', { applicantUserId: ctx.actor?.userId ?? null });
  const q = parseInput(ListMyDossiers, input);
  const userId = ctx.actor!.userId;
  const { dossiers: d, procedures: p, orgUnits: u } = schema;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({
        dossierId: d.id, code: d.code, procedureCode: p.code, procedureName: p.name, receivingUnitName: u.name, channel: d.channel,
        nationalStatus: d.nationalStatus, localStatus: d.localStatus, receivedAt: d.receivedAt, dueAt: d.dueAt, returnedAt: d.returnedAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(d)
      .innerJoin(p, eq(p.id, d.procedureId))
      .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
      .where(and(eq(d.tenantId, tenantId), eq(d.applicantUserId, userId)))
      .orderBy(desc(d.receivedAt), desc(d.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const items = rows.map(({ total: _total, ...row }) => row);
    return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}
