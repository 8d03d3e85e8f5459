import { randomUUID } from 'node:crypto';
import { vietnamYear } from '@gov/calendar';
import { schema, withTenant, type TenantDb } from '@gov/db';
import { forbidden, invalid, notFound } from '@gov/domain';
import { outboxMessage } from '@gov/domain/contract';
import { withTraceCarrier } from '@gov/runtime';
import { and, eq } from 'drizzle-orm';
import type * as v from 'valibot';
import { audit } from '../audit.js';
import { loadTenantCalendarInput } from '../calendar/calendar-settings.js';
import type { ServiceContext } from '../context.js';
import { loadDossierRow } from '../dossiers/load-dossier.js';
import { loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { feedbackDeadlines } from './feedback-deadlines.js';
import { SubmitFeedback, type FeedbackAbout } from './feedback-input.js';

const f = schema.feedbackItems;
const NO_AUTHOR = {
  vi: 'Vui lòng đăng nhập hoặc để lại họ tên cùng số điện thoại hoặc email để nhận trả lời.',
  en: 'Please sign in, or leave your name and a phone number or an email to receive the answer.',
};

/**
 * The unit that must answer: the unit holding the dossier now, the unit named, or the first unit
 * receiving the procedure in this province. A dossier's feedback comes from its applicant only.
 */
async function responsibleUnit(tx: TenantDb, ctx: ServiceContext, tenantId: string, about: v.InferOutput<typeof FeedbackAbout>) {
  if (about.subject === 'unit') return { unitId: (await loadUnit(tx, tenantId, about.unitId)).id, dossierId: null, procedureCode: null };
  if (about.subject === 'dossier') {
    const row = await loadDossierRow(tx, tenantId, about.dossierId);
    if (ctx.actor?.kind !== 'citizen' || row.applicantUserId !== ctx.actor.userId)
      throw forbidden({
        vi: 'Chỉ người nộp hồ sơ, đã đăng nhập, được phản ánh về hồ sơ này.',
        en: 'Only the signed-in applicant may send feedback about this dossier.',
      });
    return { unitId: row.currentUnitId, dossierId: row.id, procedureCode: null };
  }
  const ps = schema.procedureSettings;
  const [setting] = await tx
    .select({ units: ps.receivingUnitIds })
    .from(ps)
    .where(and(eq(ps.tenantId, tenantId), eq(ps.procedureCode, about.procedureCode)));
  const unitId = setting?.units[0];
  if (!unitId) throw notFound({ vi: 'Thủ tục này không được thực hiện tại tỉnh, thành phố này.', en: 'This procedure is not offered in this province.' });
  return { unitId, dossierId: null, procedureCode: about.procedureCode };
}

/**
 * Gửi phản ánh, kiến nghị (docs/domain/feedback-and-reports.md): by a signed-in citizen, or by anyone
 * leaving a name with a phone or an email. One transaction stores the item with its due time (5
 * working days on the province's calendar), its audit record (without the author's contact) and
 * the outbox row that starts its workflow.
 */
export async function submitFeedback({ ctx, tenantId, input, now = new Date() }: { ctx: ServiceContext; tenantId: string; input: unknown; now?: Date }) {
  const data = parseInput(SubmitFeedback, input);
  const citizen = ctx.actor?.kind === 'citizen' ? ctx.actor : null;
  const contact = citizen ? null : (data.contact ?? null);
  if (!citizen && (!contact || (!contact.phone && !contact.email))) throw invalid(NO_AUTHOR);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const target = await responsibleUnit(tx, ctx, tenantId, data.about);
    const year = vietnamYear(now);
    const { dueAt, remindAt } = feedbackDeadlines(await loadTenantCalendarInput(tx, tenantId, year, year + 1), now);
    const id = randomUUID();
    await tx.insert(f).values({
      tenantId,
      id,
      subject: data.about.subject,
      ...target,
      authorUserId: citizen?.userId ?? null,
      contactName: contact?.name ?? null,
      contactPhone: contact?.phone ?? null,
      contactEmail: contact?.email ?? null,
      content: data.content,
      publishConsent: data.publishConsent,
      receivedAt: now,
      dueAt,
    });
    const input = { tenantId, feedbackId: id, remindAt: remindAt.toISOString(), dueAt: dueAt.toISOString() };
    await tx.insert(schema.outbox).values({ tenantId, ...outboxMessage('feedback.start', withTraceCarrier({ input })) });
    await audit(tx, ctx, {
      tenantId,
      action: 'feedback.received',
      subjectType: 'Feedback',
      subjectId: id,
      details: { subject: data.about.subject, unitId: target.unitId },
    });
    return { feedbackId: id, receivedAt: now, dueAt };
  });
}
