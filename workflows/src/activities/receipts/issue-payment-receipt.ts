import { schema, withTenant, type Sql } from '@gov/db';
import type { PaymentReceiptPayload } from '@gov/domain/contract';
import { and, eq } from 'drizzle-orm';
import { issueEinvoiceReceipt, type EinvoiceConfig } from './einvoice-client.js';

/** A `payment.receipt` outbox row. */
export interface ReceiptJob {
  tenantId: string;
  outboxId: string;
  payload: PaymentReceiptPayload;
}

/**
 * Issues the electronic receipt (biên lai điện tử) of a payment the gateway confirmed, and keeps
 * its number, lookup code and address on the payment, where the dossier's page reads them. A
 * payment that already has one is done; a provider failure throws, and the outbox retries.
 * The change is audited in the province's log like any other (no person acts: no actor).
 */
export async function issuePaymentReceipt(deps: { sql: Sql; einvoice: EinvoiceConfig }, job: ReceiptJob): Promise<void> {
  const { payments: p, dossiers: d, dossierEvents: e } = schema;
  const [facts] = await withTenant(deps.sql, job.tenantId, (tx) =>
    tx
      .select({ receiptNo: p.receiptNo, amountVnd: p.amountVnd, buyerName: d.applicantName, code: d.code, feeContent: e.content })
      .from(p)
      .innerJoin(d, and(eq(d.tenantId, p.tenantId), eq(d.id, p.dossierId)))
      .leftJoin(e, and(eq(e.tenantId, p.tenantId), eq(e.id, p.feeEventId)))
      .where(and(eq(p.tenantId, job.tenantId), eq(p.id, job.payload.paymentId), eq(p.status, 'paid'))),
  );
  if (!facts || facts.receiptNo) return;
  const description = (facts.feeContent as { description?: string } | null)?.description ?? 'Phí, lệ phí';
  const receipt = await issueEinvoiceReceipt(deps.einvoice, {
    transactionId: job.payload.paymentId,
    buyerName: facts.buyerName,
    items: [{ name: `${description} — hồ sơ ${facts.code}`, quantity: 1, unitPrice: facts.amountVnd, amount: facts.amountVnd }],
    totalAmount: facts.amountVnd,
  });
  await withTenant(deps.sql, job.tenantId, async (tx) => {
    await tx
      .update(p)
      .set({ receiptNo: receipt.receiptNo, receiptLookupCode: receipt.lookupCode, receiptUrl: receipt.url, receiptIssuedAt: new Date() })
      .where(and(eq(p.tenantId, job.tenantId), eq(p.id, job.payload.paymentId)));
    await tx.insert(schema.auditLog).values({
      tenantId: job.tenantId,
      actorUserId: null,
      action: 'payment.receipt_issued',
      subjectType: 'Payment',
      subjectId: job.payload.paymentId,
      details: { receiptNo: receipt.receiptNo },
      requestId: `outbox:${job.outboxId}`,
    });
  });
}
