import { schema, withTenantPair, type Sql } from '@gov/db';
import { agreementFor, type HandOverLink } from '@gov/domain';
import { and, eq } from 'drizzle-orm';

export interface ClaimHandOverAgreementInput extends HandOverLink {
  dossierId: string;
  /** The hand-over child workflow: the use is recorded once per hand-over, however often retried. */
  handOverWorkflowId: string;
}

/**
 * The hand-over-time check of an inter-province hand-over (docs/domain/lien-thong.md): finds the
 * accepted agreement covering it in the sending province's copies, confirms the receiving
 * province's copy is accepted too, and records the use in both provinces, in one transaction.
 * Null when there is none: the workflow then refuses the hand-over and nothing reaches the other
 * province. Idempotent: a retry finds the agreement and the recorded use.
 */
export async function claimHandOverAgreement(sql: Sql, input: ClaimHandOverAgreementInput): Promise<{ agreementId: string } | null> {
  const a = schema.handOverAgreements;
  const d = schema.dossiers;
  const use = schema.handOverAgreementUses;
  return withTenantPair(sql, input.sourceTenantId, async (tx, switchTo) => {
    const own = await tx
      .select()
      .from(a)
      .where(and(eq(a.tenantId, input.sourceTenantId), eq(a.procedureCode, input.procedureCode), eq(a.status, 'accepted')))
      .for('share');
    const agreement = agreementFor(own, input);
    if (!agreement) return null;
    const [dossier] = await tx
      .select({ code: d.code })
      .from(d)
      .where(and(eq(d.tenantId, input.sourceTenantId), eq(d.id, input.dossierId)));
    const values = { agreementId: agreement.id, handOverWorkflowId: input.handOverWorkflowId, dossierId: input.dossierId, dossierCode: dossier?.code ?? '' };
    await tx
      .insert(use)
      .values({ ...values, tenantId: input.sourceTenantId })
      .onConflictDoNothing();
    await switchTo(input.targetTenantId);
    const [theirs] = await tx
      .select({ status: a.status })
      .from(a)
      .where(and(eq(a.tenantId, input.targetTenantId), eq(a.id, agreement.id)))
      .for('share');
    // Both copies change together; a mismatch would be a defect, and refusing is the safe side.
    if (theirs?.status !== 'accepted') throw new Error(`agreement ${agreement.id} is not accepted in the receiving province`);
    await tx
      .insert(use)
      .values({ ...values, tenantId: input.targetTenantId })
      .onConflictDoNothing();
    return { agreementId: agreement.id };
  });
}
