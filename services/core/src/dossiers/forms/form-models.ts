import type { ApologyForm, ControlSheetForm, FormHeader, ReceiptForm, RefusalForm, SupplementRequestForm } from '@gov/documents';
import { notFound } from '@gov/domain';
import { CHANNEL_VI } from '../receipt.js';
import { EVENT_WORDS, UNLISTED_EVENTS } from './event-words.js';
import type { FormData } from './load-form-data.js';

type Event = FormData['events'][number];
const iso = (at: Date) => at.toISOString();
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const content = (event: Event) => event.content ?? {};

/** The receiving unit issues Forms 01–04; the authority above it is the province's people's committee. */
export function formHeader(d: FormData, issuedAt: Date, number?: string): FormHeader {
  return { authority: `UBND ${d.tenantName}`, unitName: d.unitName(d.row.receivingUnitId) ?? '', issuedAt: iso(issuedAt), ...(number ? { number } : {}) };
}

/** The latest event of a kind, or a 404 naming the form the dossier has none of. */
function latest(d: FormData, kind: string, form: string): Event {
  const event = d.events.filter((e) => e.kind === kind).at(-1);
  if (!event) throw notFound({ vi: `Hồ sơ này không có ${form}.`, en: `This dossier has no ${kind.replaceAll('_', ' ')} form.` });
  return event;
}

/** The officer who took the dossier in: who accepted it, else who registered it at the counter. */
const receiver = (d: FormData) =>
  d.personName(d.events.find((e) => e.kind === 'accepted')?.actorUserId ?? d.events.find((e) => e.kind === 'registered')?.actorUserId);

export function receiptForm(d: FormData, lookupUrl: string): ReceiptForm {
  const codes = [...new Set(d.files.map((f) => f.componentCode))];
  return {
    header: formHeader(d, d.row.receivedAt),
    code: d.row.code,
    applicantName: d.row.applicantName,
    applicantPhone: d.row.applicantPhone,
    applicantEmail: d.row.applicantEmail,
    procedureName: d.procedureName,
    channelText: CHANNEL_VI[d.row.channel],
    components: codes.map((code) => ({
      name: d.components.find((c) => c.code === code)?.name ?? code,
      files: d.files.filter((f) => f.componentCode === code).map((f) => f.fileName),
    })),
    receivedAt: iso(d.row.receivedAt),
    promisedReturnAt: iso(d.row.dueAt ?? d.row.receivedAt),
    receiverName: receiver(d),
    lookupUrl,
  };
}

export function supplementRequestForm(d: FormData): SupplementRequestForm {
  const event = latest(d, 'supplement_requested', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  const c = content(event);
  return {
    header: formHeader(d, event.occurredAt),
    code: d.row.code,
    applicantName: d.row.applicantName,
    applicantPhone: d.row.applicantPhone,
    applicantEmail: d.row.applicantEmail,
    procedureName: d.procedureName,
    receivedAt: iso(d.row.receivedAt),
    requestedAt: iso(event.occurredAt),
    items: Array.isArray(c.items) ? c.items.filter((item): item is string => typeof item === 'string') : [],
    reason: text(c.reason) ?? '',
    officerName: d.personName(event.actorUserId),
  };
}

export function refusalForm(d: FormData): RefusalForm {
  const event = latest(d, 'refused', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  return {
    header: formHeader(d, event.occurredAt),
    code: d.row.code,
    applicantName: d.row.applicantName,
    procedureName: d.procedureName,
    receivedAt: iso(d.row.receivedAt),
    refusedAt: iso(event.occurredAt),
    reason: text(content(event).reason) ?? '',
    officerName: d.personName(event.actorUserId),
  };
}

/** The latest letter: each apology moves the date again, and the applicant holds the newest. */
export function apologyForm(d: FormData): ApologyForm {
  const event = latest(d, 'apology_issued', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả');
  const c = content(event);
  return {
    header: formHeader(d, event.occurredAt),
    code: d.row.code,
    applicantName: d.row.applicantName,
    procedureName: d.procedureName,
    receivedAt: iso(d.row.receivedAt),
    previousDueAt: text(c.previousDueAt) ?? text(c.originalDueAt),
    newDueAt: text(c.newDueAt) ?? iso(d.row.dueAt ?? d.row.receivedAt),
    reason: text(c.reason) ?? '',
    officerName: d.personName(event.actorUserId),
  };
}

/**
 * The step's deadline and whether it was met. Acceptance ends the intake step: its deadline is the
 * one the registration set, and the workflow records whether it was met in the event's content.
 */
function stepDeadline(d: FormData, e: Event): { stepDueAt: string | null; deadlineMet: boolean | null } {
  const met = content(e).intakeDeadlineMet;
  if (e.kind === 'accepted' && e.deadlineMet === null && typeof met === 'boolean') {
    const intakeDue = d.events.find((r) => r.kind === 'registered')?.stepDueAt ?? null;
    return { stepDueAt: intakeDue ? iso(intakeDue) : null, deadlineMet: met };
  }
  return { stepDueAt: e.stepDueAt ? iso(e.stepDueAt) : null, deadlineMet: e.deadlineMet };
}

/** Every hand-over and action in order, with its step, unit, person, deadline and whether it was met. */
/**
 * A consultation's row shows the unit asked, its deadline and, once given, its answer, marked
 * when late (docs/domain/consultations.md); another province's unit is named by its province's copy only.
 */
function consultationRow(d: FormData, id: unknown) {
  const asked = d.consultation(id);
  if (!asked) return {};
  const late = asked.answeredAt !== null && asked.answeredAt > asked.dueAt;
  return {
    unitName: d.unitName(asked.consultedUnitId) ?? 'Đơn vị của tỉnh khác',
    stepDueAt: iso(asked.dueAt),
    deadlineMet: asked.answeredAt === null ? false : !late,
    note: asked.answer ? `Ý kiến: ${asked.answer}${late ? ' (trả lời muộn)' : ''}` : null,
  };
}

export function controlSheetForm(d: FormData, issuedAt: Date): ControlSheetForm {
  const step = (key: string | null) => d.steps.find((s) => s.key === key);
  const receiving = d.row.receivingUnitId;
  const coordinating = [...new Set(d.steps.map((s) => s.orgUnitId).filter((id) => id !== receiving))]
    .map((id) => d.unitName(id))
    .filter((name): name is string => name !== null);
  return {
    header: formHeader(d, issuedAt),
    code: d.row.code,
    procedureName: d.procedureName,
    applicantName: d.row.applicantName,
    receivedAt: iso(d.row.receivedAt),
    promisedReturnAt: d.row.dueAt ? iso(d.row.dueAt) : null,
    handlingUnitName: d.unitName(receiving) ?? '',
    coordinatingUnitNames: coordinating,
    rows: d.events
      .filter((e) => !UNLISTED_EVENTS.has(e.kind))
      .map((e) => {
        const c = content(e);
        const from = step(e.fromStep);
        const row = {
          action: EVENT_WORDS[e.kind] ?? e.kind,
          fromStep: from?.name ?? null,
          toStep: step(e.toStep)?.name ?? null,
          unitName: d.unitName(from?.orgUnitId ?? step(e.toStep)?.orgUnitId),
          actorName: d.personName(e.actorUserId),
          at: iso(e.occurredAt),
          ...stepDeadline(d, e),
          note: [text(c.reason), text(c.note), text(c.description), Array.isArray(c.items) ? c.items.join('; ') : null].filter(Boolean).join(' — ') || null,
        };
        return e.kind === 'consultation_answered' || e.kind === 'consultation_overdue' ? { ...row, ...consultationRow(d, c.consultationId) } : row;
      }),
  };
}
