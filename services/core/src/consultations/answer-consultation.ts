import { withTenant } from '@gov/db';
import { conflict, forbidden, notFound, type ConsultationAnswered } from '@gov/domain';
import { answerConsultationUpdate } from '@gov/domain/contract';
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import type { DossierDeps } from '../dossiers/deps.js';
import { toDomainError } from '../dossiers/rejection.js';
import { parseInput } from '../parse-input.js';
import { ANSWERING, c, unitsWhereCan } from './consultation-rows.js';

export const AnswerConsultationInput = v.object({
  answer: v.pipe(v.string('hãy nhập ý kiến'), v.trim(), v.minLength(1, 'hãy nhập ý kiến'), v.maxLength(4000, 'ý kiến quá dài (tối đa 4000 ký tự)')),
});
export type AnswerConsultationInput = v.InferInput<typeof AnswerConsultationInput>;

const NOT_FOUND = { vi: 'Không tìm thấy yêu cầu xin ý kiến.', en: 'Consultation request not found.' };

/**
 * An officer of the consulted unit answers its request (docs/domain/consultations.md). The
 * request is read from this province's own copy; only an officer who processes or approves
 * dossiers at that unit may answer. The answer goes to the workflow that asked, which records
 * it (late or not) with the dossier and writes every copy, with the audit record, in one
 * transaction; so nothing is stored here.
 */
export async function answerConsultation(args: {
  ctx: ServiceContext;
  tenantId: string;
  consultationId: string;
  input: AnswerConsultationInput;
  deps: DossierDeps;
}): Promise<ConsultationAnswered> {
  const { ctx, tenantId, consultationId, deps } = args;
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  const { answer } = parseInput(AnswerConsultationInput, args.input);
  const row = await withTenant(ctx.sql, tenantId, async (tx) => {
    const [found] = await tx
      .select()
      .from(c)
      .where(and(eq(c.tenantId, tenantId), eq(c.id, consultationId), eq(c.consultedTenantId, tenantId)));
    if (!found) throw notFound(NOT_FOUND);
    const mine = await unitsWhereCan(tx, ctx, tenantId, [found.consultedUnitId], ANSWERING);
    if (!mine.has(found.consultedUnitId)) throw forbidden({ vi: 'Bạn không trả lời ý kiến thay đơn vị này.', en: 'You do not answer for this unit.' });
    return found;
  });
  if (row.answeredAt) throw conflict({ vi: 'Yêu cầu xin ý kiến này đã được trả lời.', en: 'This consultation was already answered.' });
  try {
    return await deps.engine.client.workflow
      .getHandle(row.workflowId)
      .executeUpdate(answerConsultationUpdate, { args: [{ consultationId, answeredBy: ctx.actor!.userId, answer }] });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw conflict({ vi: 'Hồ sơ đã kết thúc xử lý.', en: 'The dossier is closed.' });
    throw toDomainError(error);
  }
}
