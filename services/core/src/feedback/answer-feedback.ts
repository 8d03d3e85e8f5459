import { schema, withTenant } from '@gov/db';
import { conflict, notFound } from '@gov/domain';
import { outboxMessage } from '@gov/domain/contract';
import { withTraceCarrier } from '@gov/runtime';
import { and, eq, ne } from 'drizzle-orm';
import { audit } from '../audit.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { AnswerFeedback } from './feedback-input.js';

const f = schema.feedbackItems;

/**
 * An officer of the responsible unit (or above it) answers a feedback item, once, on time or late
 * (an escalated item is still answered by its unit). In one transaction: the answer, its audit
 * record and the outbox row that tells the item's workflow, which sends the answer to the author.
 */
export async function answerFeedback({ ctx, tenantId, feedbackId, input }: { ctx: ServiceContext; tenantId: string; feedbackId: string; input: unknown }) {
  // Ministry staff read feedback everywhere; answering is the province's own officers' work.
  assertCanInTenant(ctx, 'answer', 'Feedback', tenantId);
  const data = parseInput(AnswerFeedback, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [item] = await tx
      .select({ unitId: f.unitId })
      .from(f)
      .where(and(eq(f.tenantId, tenantId), eq(f.id, feedbackId)));
    if (!item) throw notFound({ vi: 'Không tìm thấy phản ánh, kiến nghị.', en: 'Feedback not found.' });
    const unit = await loadUnit(tx, tenantId, item.unitId);
    assertCan(ctx, 'answer', 'Feedback', atUnit(tenantId, unit.path));
    const answeredAt = new Date();
    const [saved] = await tx
      .update(f)
      .set({ status: 'answered', answer: data.answer, answeredAt, answeredBy: ctx.actor!.userId })
      .where(and(eq(f.tenantId, tenantId), eq(f.id, feedbackId), ne(f.status, 'answered')))
      .returning({ dueAt: f.dueAt });
    if (!saved) throw conflict({ vi: 'Phản ánh, kiến nghị này đã được trả lời.', en: 'This feedback has already been answered.' });
    const onTime = answeredAt <= saved.dueAt;
    await tx.insert(schema.outbox).values({ tenantId, ...outboxMessage('feedback.answered', withTraceCarrier({ tenantId, feedbackId })) });
    await audit(tx, ctx, { tenantId, action: 'feedback.answered', subjectType: 'Feedback', subjectId: feedbackId, details: { onTime } });
    return { feedbackId, status: 'answered' as const, answeredAt, onTime };
  });
}
