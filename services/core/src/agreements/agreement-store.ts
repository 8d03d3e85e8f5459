import { schema, withTenantPair, type TenantDb } from '@gov/db';
import { conflict, notFound, type AgreementTerms } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';

export type AgreementRow = typeof schema.handOverAgreements.$inferSelect;
type Change = Partial<Pick<AgreementRow, 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'withdrawnBy' | 'withdrawnAt'>>;

const a = schema.handOverAgreements;

export const agreementNotFound = () => notFound({ vi: 'Không tìm thấy quy chế phối hợp.', en: 'Agreement not found.' });

/** This province's copy of an agreement, locked for the change. */
export async function loadOwnCopy(tx: TenantDb, tenantId: string, id: string): Promise<AgreementRow> {
  const [row] = await tx
    .select()
    .from(a)
    .where(and(eq(a.tenantId, tenantId), eq(a.id, id)))
    .for('update');
  if (!row) throw agreementNotFound();
  return row;
}

/** The other party of an agreement, seen from `tenantId`. */
export const counterpartOf = (row: AgreementRow) => (row.party === 'source' ? row.targetTenantId : row.sourceTenantId);

export function assertStatus(row: AgreementRow, allowed: readonly AgreementRow['status'][]): void {
  if (allowed.includes(row.status)) return;
  const words: Record<AgreementRow['status'], string> = {
    proposed: 'đang chờ chấp nhận',
    accepted: 'đã được chấp nhận',
    refused: 'đã bị từ chối',
    withdrawn: 'đã bị rút',
  };
  throw conflict({
    vi: `Quy chế phối hợp ${words[row.status]}; không thể thực hiện thao tác này.`,
    en: `The agreement is ${row.status}; this action is not possible.`,
  });
}

/**
 * One state change written to both parties' copies in one transaction, each with its audit row
 * in its own province's log (docs/domain/lien-thong.md): the acting province first, then the
 * other. `action` names the audit action, e.g. `hand_over_agreement.accepted`.
 */
export async function changeBothCopies(
  ctx: ServiceContext,
  args: { tenantId: string; id: string; allowed: readonly AgreementRow['status'][]; change: Change; action: string; assert?: (row: AgreementRow) => void },
): Promise<AgreementRow> {
  return withTenantPair(ctx.sql, args.tenantId, async (tx, switchTo) => {
    const own = await loadOwnCopy(tx, args.tenantId, args.id);
    args.assert?.(own);
    assertStatus(own, args.allowed);
    const [updated] = await tx
      .update(a)
      .set(args.change)
      .where(and(eq(a.tenantId, args.tenantId), eq(a.id, args.id)))
      .returning();
    const details = { status: args.change.status, procedureCode: own.procedureCode, sourceTenantId: own.sourceTenantId, targetTenantId: own.targetTenantId };
    await audit(tx, ctx, { tenantId: args.tenantId, action: args.action, subjectType: 'hand_over_agreement', subjectId: args.id, details });
    const other = counterpartOf(own);
    await switchTo(other);
    await tx
      .update(a)
      .set(args.change)
      .where(and(eq(a.tenantId, other), eq(a.id, args.id)));
    await audit(tx, ctx, { tenantId: other, action: args.action, subjectType: 'hand_over_agreement', subjectId: args.id, details });
    return updated!;
  });
}

/** The terms the hand-over check reads from a row. */
export const toTerms = (row: AgreementRow): AgreementTerms => ({
  id: row.id,
  sourceTenantId: row.sourceTenantId,
  targetTenantId: row.targetTenantId,
  procedureCode: row.procedureCode,
  sourceUnitIds: row.sourceUnitIds,
  targetUnitIds: row.targetUnitIds,
  allottedWorkingHours: row.allottedWorkingHours,
  status: row.status,
});
