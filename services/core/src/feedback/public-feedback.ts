import { schema, withTenant } from '@gov/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

const { feedbackItems: f, orgUnits: u } = schema;

export const PublicFeedbackQuery = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 20),
});
export type PublicFeedbackQuery = v.InferInput<typeof PublicFeedbackQuery>;

/**
 * Answered feedback whose author agreed to its publication, newest answer first, for anyone: what
 * was asked and answered, by which unit, and when. Never who asked, nor the dossier it was about.
 */
export async function listPublicFeedback({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: PublicFeedbackQuery }) {
  const q = parseInput(PublicFeedbackQuery, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({
        id: f.id,
        subject: f.subject,
        procedureCode: f.procedureCode,
        unitName: u.name,
        content: f.content,
        answer: sql<string>`${f.answer}`,
        receivedAt: f.receivedAt,
        answeredAt: sql<Date>`${f.answeredAt}`.mapWith(f.answeredAt),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(f)
      .innerJoin(u, and(eq(u.tenantId, f.tenantId), eq(u.id, f.unitId)))
      .where(and(eq(f.tenantId, tenantId), eq(f.status, 'answered'), eq(f.publishConsent, true)))
      .orderBy(desc(f.answeredAt), f.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}
