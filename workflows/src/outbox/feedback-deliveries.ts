import { schema, withTenant, type Sql } from '@gov/db';
import { FEEDBACK_WORKFLOW_TYPE, feedbackAnsweredSignal, feedbackWorkflowId, feedbackWorkflowStart, type OutboxPayloads } from '@gov/domain/contract';
import type { Client } from '@temporalio/client';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { vietnamTime } from '../activities/notifications/send-notification.js';
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
  const id = `${job.outboxId}@motcua.local`;
  let sent = 0;
  for (const to of facts.to) {
    if (to.email) {
      await deps.transports.mail.sendMail({ to: to.email, from: deps.transports.from, subject: message.subject, text: message.text, messageId: `<${id}>` });
      sent += 1;
    }
    if (to.phone) {
      await sendSms(deps.transports.smsUrl, { id, to: to.phone, text: `MOT CUA: ${message.subject}. ${message.text}`.slice(0, 480) });
      sent += 1;
    }
  }
  return sent;
}
