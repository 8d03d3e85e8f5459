import { schema, type TenantDb } from '@gov/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TransitionProjection } from './projection-input.js';

const c = schema.dossierConsultations;

/**
 * Writes a transition's consultation requests (docs/domain/consultations.md) inside the
 * transition's transaction: first the asking province's copies, then, switching tenant, each
 * other province's copy of its own requests. Upserts keyed by the request id, so a retried
 * projection writes nothing twice; an answer also goes to the consulted province's audit log,
 * the only record it has of its officer's act (the dossier's history stays with the asker).
 */
export async function projectConsultations(tx: TenantDb, switchTo: (tenantId: string) => Promise<void>, p: TransitionProjection): Promise<void> {
  const work = p.consultations;
  if (!work) return;
  const own = p.tenantId;
  const [dossier] = await tx
    .select({ code: schema.dossiers.code })
    .from(schema.dossiers)
    .where(and(eq(schema.dossiers.tenantId, own), eq(schema.dossiers.id, p.dossierId)));
  const rows = (work.open ?? []).map((o) => ({
    id: o.id,
    askingTenantId: own,
    consultedTenantId: o.consultedTenantId,
    dossierId: p.dossierId,
    dossierCode: dossier?.code ?? '',
    procedureCode: o.procedureCode,
    workflowId: p.workflowId,
    stepKey: o.stepKey,
    stepName: o.stepName,
    question: o.question,
    askingUnitId: o.askingUnitId,
    consultedUnitId: o.consultedUnitId,
    requestedAt: new Date(o.requestedAt),
    dueAt: new Date(o.dueAt),
  }));
  const ids = [...(work.answer ? [work.answer.id] : []), ...(work.overdue ?? [])];
  const touched =
    ids.length === 0
      ? []
      : await tx
          .select({ id: c.id, consultedTenantId: c.consultedTenantId })
          .from(c)
          .where(and(eq(c.tenantId, own), inArray(c.id, ids)));
  const tenants = new Set([own, ...rows.map((r) => r.consultedTenantId), ...touched.map((r) => r.consultedTenantId)]);
  for (const tenantId of tenants) {
    if (tenantId !== own) await switchTo(tenantId);
    const mine = tenantId === own ? rows : rows.filter((r) => r.consultedTenantId === tenantId);
    if (mine.length > 0) {
      await tx
        .insert(c)
        .values(mine.map((r) => ({ ...r, tenantId })))
        .onConflictDoNothing();
    }
    const answered = work.answer && (tenantId === own || touched.some((r) => r.id === work.answer!.id && r.consultedTenantId === tenantId));
    if (answered && work.answer) {
      const a = work.answer;
      const updated = await tx
        .update(c)
        .set({ answer: a.answer, answeredBy: a.answeredBy, answeredAt: new Date(a.answeredAt) })
        .where(and(eq(c.tenantId, tenantId), eq(c.id, a.id), isNull(c.answeredAt)))
        .returning({ id: c.id, consultedTenantId: c.consultedTenantId, unitId: c.consultedUnitId });
      const row = updated[0];
      if (row && row.consultedTenantId === tenantId) {
        await tx.insert(schema.auditLog).values({
          tenantId,
          actorUserId: a.answeredBy,
          action: 'consultation.answer',
          subjectType: 'DossierConsultation',
          subjectId: a.id,
          details: { consultedUnitId: row.unitId, askingTenantId: own, dossierCode: dossier?.code ?? '' },
          requestId: null,
        });
      }
    }
    const overdue = (work.overdue ?? []).filter((id) => tenantId === own || touched.some((r) => r.id === id && r.consultedTenantId === tenantId));
    if (overdue.length > 0) {
      await tx
        .update(c)
        .set({ overdueAt: new Date(p.occurredAt) })
        .where(and(eq(c.tenantId, tenantId), inArray(c.id, overdue), isNull(c.overdueAt), isNull(c.answeredAt)));
    }
  }
  if (tenants.size > 1) await switchTo(own);
}
