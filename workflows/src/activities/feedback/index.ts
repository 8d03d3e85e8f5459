import { createHash } from 'node:crypto';
import { schema, withTenant, type Sql, type TenantDb } from '@gov/db';
import { outboxMessage, type FeedbackMessage } from '@gov/domain/contract';
import { and, eq } from 'drizzle-orm';

export interface FeedbackRef {
  tenantId: string;
  feedbackId: string;
}

const f = schema.feedbackItems;

/**
 * The outbox row's id comes from the item and the message (docs/code-conventions.md#temporal-failures),
 * so a retried activity writes it once.
 */
function messageId(ref: FeedbackRef, message: FeedbackMessage): string {
  const h = createHash('sha256').update(`${ref.tenantId}:${ref.feedbackId}:${message}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function queueMessage(tx: TenantDb, ref: FeedbackRef, message: FeedbackMessage) {
  return tx
    .insert(schema.outbox)
    .values({ tenantId: ref.tenantId, id: messageId(ref, message), ...outboxMessage('notification.feedback', { feedbackId: ref.feedbackId, message }) })
    .onConflictDoNothing();
}

async function status(tx: TenantDb, ref: FeedbackRef) {
  const [row] = await tx
    .select({ status: f.status })
    .from(f)
    .where(and(eq(f.tenantId, ref.tenantId), eq(f.id, ref.feedbackId)));
  return row?.status ?? null;
}

/**
 * Feedback activities (docs/domain/feedback-and-reports.md). Messages leave through the outbox, in
 * the transaction that decides them; the relay delivers them with the notification transports.
 * An item answered before its signal arrived is not reminded nor escalated.
 */
export function createFeedbackActivities({ sql }: { sql: Sql }) {
  return {
    remindFeedbackUnit: (ref: FeedbackRef): Promise<boolean> =>
      withTenant(sql, ref.tenantId, async (tx) => {
        if ((await status(tx, ref)) !== 'open') return false;
        await queueMessage(tx, ref, 'feedback.reminder');
        return true;
      }),
    escalateFeedback: (ref: FeedbackRef): Promise<boolean> =>
      withTenant(sql, ref.tenantId, async (tx) => {
        const [row] = await tx
          .update(f)
          .set({ status: 'escalated', escalatedAt: new Date() })
          .where(and(eq(f.tenantId, ref.tenantId), eq(f.id, ref.feedbackId), eq(f.status, 'open')))
          .returning({ dueAt: f.dueAt });
        // A retry after the commit finds it escalated already: the first attempt did the rest.
        if (!row) return (await status(tx, ref)) === 'escalated';
        // No person acted: the audit row has no actor, and says which deadline passed.
        await tx.insert(schema.auditLog).values({
          tenantId: ref.tenantId,
          action: 'feedback.escalated',
          subjectType: 'Feedback',
          subjectId: ref.feedbackId,
          details: { dueAt: row.dueAt.toISOString() },
        });
        await queueMessage(tx, ref, 'feedback.escalated');
        return true;
      }),
    sendFeedbackAnswer: (ref: FeedbackRef): Promise<void> =>
      withTenant(sql, ref.tenantId, async (tx) => {
        await queueMessage(tx, ref, 'feedback.answered');
      }),
  };
}

export type FeedbackActivities = ReturnType<typeof createFeedbackActivities>;
