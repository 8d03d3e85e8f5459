import { schema, withTenant } from '@gov/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { assertMayRead, DossierRef } from '../dossiers/get-dossier.js';
import { loadReadableDossier } from '../dossiers/load-dossier.js';
import { parseInput } from '../parse-input.js';

/**
 * The payments made on a dossier (paid or failed; attempts still open are left out) with their
 * electronic receipts, for whoever may read the dossier: the applicant looks the receipt up with
 * its number and lookup code on the provider's site.
 */
export async function listDossierPayments({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: v.InferInput<typeof DossierRef> }) {
  assertMayRead(ctx, tenantId);
  const { dossierId } = parseInput(DossierRef, input);
  const p = schema.payments;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const rows = await tx
      .select({
        id: p.id,
        amountVnd: p.amountVnd,
        method: p.method,
        status: p.status,
        transactionNo: p.gatewayTxnNo,
        paidAt: p.paidAt,
        receiptNo: p.receiptNo,
        receiptLookupCode: p.receiptLookupCode,
        receiptUrl: p.receiptUrl,
        receiptIssuedAt: p.receiptIssuedAt,
      })
      .from(p)
      .where(and(eq(p.tenantId, tenantId), eq(p.dossierId, dossierId), inArray(p.status, ['paid', 'failed'])))
      .orderBy(asc(p.requestedAt));
    return rows.map((r) => ({
      ...r,
      paidAt: r.paidAt?.toISOString() ?? null,
      receiptIssuedAt: r.receiptIssuedAt?.toISOString() ?? null,
    }));
  });
}
