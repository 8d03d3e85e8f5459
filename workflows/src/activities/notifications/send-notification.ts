import { vietnamLocalDateTime } from '@gov/calendar';
import { schema, withTenant, type Sql } from '@gov/db';
import { NATIONAL_STATUS, type NationalStatus } from '@gov/domain';
import type { DossierNotificationPayload } from '@gov/domain/contract';
import { and, eq } from 'drizzle-orm';
import { pickChannels } from './channels.js';
import { deliverOnce, sentChannels } from './deliveries.js';
import { loadSender } from './senders.js';
import { renderMessage, znsTemplateData, type MessageFacts } from './templates.js';
import { sendSms, type Transports } from './transports.js';
import { sendZns, ZnsError } from './zalo-zns.js';

/** A `notification.dossier` outbox row: which dossier, which template, which event it reports. */
export interface NotificationJob {
  tenantId: string;
  outboxId: string;
  payload: DossierNotificationPayload;
}

/** The dossier's page in "Hồ sơ của tôi", opened at its satisfaction survey (web/src/pages/portal/survey-form.tsx). */
export const surveyUrl = (publicUrl: string, tenantId: string, dossierId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/portal/my-dossiers/${tenantId}/${dossierId}#survey`;

export const vietnamTime = (at: Date | null) => (at ? vietnamLocalDateTime(at).slice(0, 16).replace('T', ' ') : null);

/**
 * Sends one applicant notification from the dossier's province (its own sender identity), on the
 * channels the applicant prefers (docs/domain/notifications.md). The outbox id is the message id
 * on every channel, and each channel that went out is recorded, so a retry after a failure on one
 * channel sends only the missing ones. A Zalo message the ZNS refuses for good (no Zalo account,
 * ZNS refused by the user) falls back to SMS; a transient refusal is thrown, and retried. A
 * dossier without contacts is done at once.
 */
export async function sendDossierNotification(deps: { sql: Sql; transports: Transports }, job: NotificationJob): Promise<{ channels: string[] }> {
  const { dossiers: d, dossierEvents: e, procedures: p } = schema;
  const facts = await withTenant(deps.sql, job.tenantId, async (tx) => {
    const [row] = await tx
      .select({
        code: d.code,
        email: d.applicantEmail,
        phone: d.applicantPhone,
        preference: schema.users.notificationChannel,
        applicantUserId: d.applicantUserId,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        status: d.nationalStatus,
        procedureName: p.name,
      })
      .from(d)
      .innerJoin(p, eq(p.id, d.procedureId))
      .leftJoin(schema.users, eq(schema.users.id, d.applicantUserId))
      .where(and(eq(d.tenantId, job.tenantId), eq(d.id, job.payload.dossierId)));
    const [event] = job.payload.eventKey
      ? await tx
          .select({ content: e.content })
          .from(e)
          .where(and(eq(e.tenantId, job.tenantId), eq(e.dossierId, job.payload.dossierId), eq(e.eventKey, job.payload.eventKey)))
      : [];
    return row ? { row, content: event?.content ?? {} } : null;
  });
  if (!facts) return { channels: [] };
  const { row, content } = facts;
  const messageFacts: MessageFacts = {
    code: row.code,
    procedureName: row.procedureName,
    receivedAt: vietnamTime(row.receivedAt)!,
    dueAt: vietnamTime(
      typeof content.newDueAt === 'string' ? new Date(content.newDueAt) : typeof content.dueAt === 'string' ? new Date(content.dueAt) : row.dueAt,
    ),
    statusText: NATIONAL_STATUS[row.status as NationalStatus]?.vi ?? '',
    content,
    surveyUrl: row.applicantUserId ? surveyUrl(deps.transports.publicUrl, job.tenantId, job.payload.dossierId) : null,
  };
  const message = renderMessage(job.payload.template, messageFacts);
  const { transports, sql } = deps;
  const sender = await loadSender(sql, job.tenantId, transports);
  const id = `${job.outboxId}@motcua.local`;
  const once = { sql, tenantId: job.tenantId, sent: await sentChannels(sql, job.tenantId, job.outboxId) };
  const channels = pickChannels({ preference: row.preference, email: row.email, phone: row.phone });
  const sms = () => sendSms(transports.smsUrl, { id, to: row.phone!, text: message.sms, brandname: sender.smsBrandname });
  for (const channel of channels) {
    if (channel === 'email')
      await deliverOnce(once, job.outboxId, 'email', () =>
        transports.mail.sendMail({ to: row.email!, from: sender.mailFrom, subject: message.subject, text: message.text, messageId: `<${id}>` }),
      );
    if (channel === 'sms') await deliverOnce(once, job.outboxId, 'sms', sms);
    if (channel === 'zalo') {
      const zns = () =>
        sendZns(transports.zns, {
          phone: row.phone!,
          template: job.payload.template,
          templateData: znsTemplateData(messageFacts),
          trackingId: job.outboxId,
          oaId: sender.zaloOaId,
        });
      try {
        await deliverOnce(once, job.outboxId, 'zalo', zns);
      } catch (error) {
        if (!(error instanceof ZnsError) || error.transient) throw error;
        await deliverOnce(once, job.outboxId, 'sms', sms);
      }
    }
  }
  return { channels: [...once.sent] };
}

/** Activity factory (docs/code-conventions.md#workflow-imports): the relay calls it today; a workflow may schedule it later. */
export function createNotificationActivities(deps: { sql: Sql; transports: Transports }) {
  return { sendDossierNotification: (job: NotificationJob) => sendDossierNotification(deps, job) };
}
