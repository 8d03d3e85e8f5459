import { schema, withTenant } from '@gov/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { ListFeedback } from './feedback-input.js';

const { feedbackItems: f, orgUnits: u, users } = schema;

/**
 * One page of the feedback to answer, newest first: officers see their units' subtree, province
 * admins the whole province (the `read Feedback` rules as a SQL filter beside row-level security).
 * The author is shown by name only; their phone and email serve the answer's delivery, not the list.
 */
export async function listFeedback({ ctx, tenantId, input, now = new Date() }: { ctx: ServiceContext; tenantId: string; input: ListFeedback; now?: Date }) {
  assertCanInTenant(ctx, 'read', 'Feedback', tenantId);
  const q = parseInput(ListFeedback, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({
        id: f.id,
        subject: f.subject,
        dossierId: f.dossierId,
        procedureCode: f.procedureCode,
        unitId: f.unitId,
        unitName: u.name,
        authorName: sql<string>`coalesce(${f.contactName}, ${users.displayName}, '')`,
        content: f.content,
        publishConsent: f.publishConsent,
        status: f.status,
        receivedAt: f.receivedAt,
        dueAt: f.dueAt,
        answeredAt: f.answeredAt,
        answer: f.answer,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(f)
      .innerJoin(u, and(eq(u.tenantId, f.tenantId), eq(u.id, f.unitId)))
      .leftJoin(users, eq(users.id, f.authorUserId))
      .where(
        and(
          eq(f.tenantId, tenantId),
          abilityFilter(ctx.ability, 'read', 'Feedback', { tenantId: f.tenantId, orgUnitPath: u.path }),
          q.status ? eq(f.status, q.status) : undefined,
        ),
      )
      .orderBy(desc(f.receivedAt), f.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return {
      items: rows.map(({ total: _total, ...row }) => ({ ...row, overdue: row.answeredAt ? row.answeredAt > row.dueAt : row.dueAt < now })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
