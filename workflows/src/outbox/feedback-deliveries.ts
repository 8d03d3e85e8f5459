import { createHash } from 'node:crypto';
import { schema, withTenant, type Sql } from '@gov/db';
import { FEEDBACK_WORKFLOW_TYPE, feedbackAnsweredSignal, feedbackWorkflowId, feedbackWorkflowStart, type OutboxPayloads } from '@gov/domain/contract';
import type { Client } from '@temporalio/client';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { vietnamTime } from '../activities/notifications/send-notification.js';
import { deliverOnce, sentChannels } from '../activities/notifications/deliveries.js';
import { loadSender } from '../activities/notifications/senders.js';
import { sendSms, type Transports } from '../activities/notifications/transports.js';

type Engine = { client: Client; taskQueue: string };

/** `feedback.start`: the item's workflow, started idempotently by its id. */
export async function startFeedback(engine: Engine, payload: OutboxPayloads['feedback.start']): Promise<void> {
  await engine.client.workflow.start(FEEDBACK_WORKFLOW_TYPE, feedbackWorkflowStart(payload.input, engine.taskQueue));
}

/** `feedback.answered`: a repeated signal is harmless, the workflow only notes that the answer exists. */
export async function signalFeedbackAnswered(engine: Engine, payload: OutboxPayloads['feedback.answered']): Promise<void> {
  await engine.client.workflow.getHandle(feedbackWorkflowId(payload.tenantId, payload.feedbackId)).signal(feedbackAnsweredSignal);
}

interface Recipient {
  email: string | null;
  phone: string | null;
}

/**
 * `notification.feedback` (docs/domain/feedback-and-reports.md): the reminder goes to the active
 * officers holding a role at the responsible unit, the escalation to the province's admins, the
 * answer to the author (their contact details, or their account's). Officers' messages carry no
 * author's contact; the outbox id is the message id, so a resend is recognisable downstream.
 */
export async function sendFeedbackMessage(
  deps: { sql: Sql; transports: Transports },
  job: { tenantId: string; outboxId: string; payload: OutboxPayloads['notification.feedback'] },
): Promise<number> {
  const { feedbackItems: f, tenantUsers: tu, roleAssignments: ra, users: u, orgUnits: ou } = schema;
  const facts = await withTenant(deps.sql, job.tenantId, async (tx) => {
    const [item] = await tx
      .select({ item: f, unitName: ou.name, accountEmail: u.email, accountPhone: u.phone })
      .from(f)
      .innerJoin(ou, and(eq(ou.tenantId, f.tenantId), eq(ou.id, f.unitId)))
      .leftJoin(u, eq(u.id, f.authorUserId))
      .where(and(eq(f.tenantId, job.tenantId), eq(f.id, job.payload.feedbackId)));
    if (!item) return null;
    if (job.payload.message === 'feedback.answered') {
      const to: Recipient = { email: item.item.contactEmail ?? item.accountEmail, phone: item.item.contactPhone ?? item.accountPhone };
      return { item, to: [to] };
    }
    const officers = await tx
      .selectDistinct({ email: tu.email, phone: tu.phone })
      .from(ra)
      .innerJoin(tu, and(eq(tu.tenantId, ra.tenantId), eq(tu.userId, ra.userId)))
      .where(
        and(
          eq(ra.tenantId, job.tenantId),
          isNull(ra.revokedAt),
          eq(tu.active, true),
          job.payload.message === 'feedback.escalated' ? eq(ra.role, 'province_admin') : eq(ra.orgUnitId, item.item.unitId),
          job.payload.message === 'feedback.escalated' ? undefined : inArray(ra.role, ['leader', 'unit_admin', 'specialist', 'reception_officer']),
        ),
      );
    return { item, to: officers };
  });
  if (!facts) return 0;
  const { item } = facts;
  const row = item.item;
  const due = vietnamTime(row.dueAt)!;
  const message = {
    'feedback.reminder': {
      subject: 'Nhắc: phản ánh, kiến nghị sắp đến hạn trả lời',
      text: `Phản ánh, kiến nghị gửi ${item.unitName} nhận lúc ${vietnamTime(row.receivedAt)!} cần được trả lời trước ${due}.`,
    },
    'feedback.escalated': {
      subject: 'Phản ánh, kiến nghị quá hạn trả lời',
      text: `Phản ánh, kiến nghị gửi ${item.unitName} đã quá hạn trả lời (hạn ${due}) và được chuyển lên quản trị tỉnh.`,
    },
    'feedback.answered': {
      subject: 'Trả lời phản ánh, kiến nghị của bạn',
      text: `${item.unitName} trả lời phản ánh, kiến nghị của bạn:\n\n${row.answer ?? ''}`,
    },
  }[job.payload.message];
  const sender = await loadSender(deps.sql, job.tenantId, deps.transports);
  let sent = 0;
  for (const to of facts.to) {
    // One delivery record per recipient, so a retried row sends only what did not go out, and the
    // province's usage counts each message its sender identity sent.
    const messageId = recipientMessageId(job.outboxId, to);
    const once = { sql: deps.sql, tenantId: job.tenantId, sent: await sentChannels(deps.sql, job.tenantId, messageId) };
    if (to.email) {
      const email = to.email;
      await deliverOnce(once, messageId, 'email', () =>
        deps.transports.mail.sendMail({
          to: email,
          from: sender.mailFrom,
          subject: message.subject,
          text: message.text,
          messageId: `<${messageId}@motcua.local>`,
        }),
      );
      sent += 1;
    }
    if (to.phone) {
      const phone = to.phone;
      await deliverOnce(once, messageId, 'sms', () =>
        sendSms(deps.transports.smsUrl, {
          id: messageId,
          to: phone,
          text: `${message.subject}. ${message.text}`.slice(0, 480),
          brandname: sender.smsBrandname,
        }),
      );
      sent += 1;
    }
  }
  return sent;
}

/** A stable message id (a UUID, as the delivery records keep) for one recipient of one outbox row; no contact is stored. */
function recipientMessageId(outboxId: string, to: Recipient): string {
  const h = createHash('sha256')
    .update(`${outboxId}|${to.email ?? ''}|${to.phone ?? ''}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
