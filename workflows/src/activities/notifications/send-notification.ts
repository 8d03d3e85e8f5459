import { vietnamLocalDateTime } from '@gov/calendar';
import { schema, withTenant, type Sql } from '@gov/db';
import { NATIONAL_STATUS, type NationalStatus } from '@gov/domain';
import type { DossierNotificationPayload } from '@gov/domain/contract';
import { and, eq } from 'drizzle-orm';
import { renderMessage } from './templates.js';
import { sendSms, type Transports } from './transports.js';

/** A `notification.dossier` outbox row: which dossier, which template, which event it reports. */
export interface NotificationJob {
  tenantId: string;
  outboxId: string;
  payload: DossierNotificationPayload;
}

export const vietnamTime = (at: Date | null) => (at ? vietnamLocalDateTime(at).slice(0, 16).replace('T', ' ') : null);

/**
 * Sends one applicant notification by email and SMS (whichever contact the dossier has). The
 * outbox id is the message id on both channels, so a resend after a crash between sending and
 * stamping the row can be recognised downstream. A dossier without contacts is done at once.
 */
export async function sendDossierNotification(deps: { sql: Sql; transports: Transports }, job: NotificationJob): Promise<{ email: boolean; sms: boolean }> {
  const { dossiers: d, dossierEvents: e, procedures: p } = schema;
  const facts = await withTenant(deps.sql, job.tenantId, async (tx) => {
    const [row] = await tx
      .select({
        code: d.code,
        email: d.applicantEmail,
        phone: d.applicantPhone,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        status: d.nationalStatus,
        procedureName: p.name,
      })
      .from(d)
      .innerJoin(p, eq(p.id, d.procedureId))
      .where(and(eq(d.tenantId, job.tenantId), eq(d.id, job.payload.dossierId)));
    const [event] = job.payload.eventKey
      ? await tx
          .select({ content: e.content })
          .from(e)
          .where(and(eq(e.tenantId, job.tenantId), eq(e.dossierId, job.payload.dossierId), eq(e.eventKey, job.payload.eventKey)))
      : [];
    return row ? { row, content: event?.content ?? {} } : null;
  });
  if (!facts) return { email: false, sms: false };
  const { row, content } = facts;
  const message = renderMessage(job.payload.template, {
    code: row.code,
    procedureName: row.procedureName,
    receivedAt: vietnamTime(row.receivedAt)!,
    dueAt: vietnamTime(
      typeof content.newDueAt === 'string' ? new Date(content.newDueAt) : typeof content.dueAt === 'string' ? new Date(content.dueAt) : row.dueAt,
    ),
    statusText: NATIONAL_STATUS[row.status as NationalStatus]?.vi ?? '',
    content,
  });
  const id = `${job.outboxId}@motcua.local`;
  if (row.email)
    await deps.transports.mail.sendMail({ to: row.email, from: deps.transports.from, subject: message.subject, text: message.text, messageId: `<${id}>` });
  if (row.phone) await sendSms(deps.transports.smsUrl, { id, to: row.phone, text: message.sms });
  return { email: row.email !== null, sms: row.phone !== null };
}

/** Activity factory (docs/code-conventions.md#workflow-imports): the relay calls it today; a workflow may schedule it later. */
export function createNotificationActivities(deps: { sql: Sql; transports: Transports }) {
  return { sendDossierNotification: (job: NotificationJob) => sendDossierNotification(deps, job) };
}
