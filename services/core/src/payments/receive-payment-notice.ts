import { vietnamInstant } from '@gov/calendar';
import { schema, withTenant, type TenantDb } from '@gov/db';
import { DomainError, DOSSIER_REJECTION_TYPE, parseOrderRef } from '@gov/domain';
import { confirmOnlinePaymentUpdate, outboxMessage } from '@gov/domain/contract';
import { withTraceCarrier } from '@gov/runtime';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { loadOpenSteps, routeByQuery, routeFromProjection } from '../dossiers/action-route.js';
import type { DossierEngine } from '../dossiers/engine.js';
import { loadDossierRow } from '../dossiers/load-dossier.js';
import { gatewaySignatureValid, type GatewayFields, type PaymentGatewayConfig } from './gateway.js';

/** What the gateway expects back from a notification: its own codes (VNPAY's IPN answers). */
export interface NoticeAnswer {
  RspCode: '00' | '01' | '02' | '04' | '97' | '99';
  Message: string;
}

const ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  already: { RspCode: '02', Message: 'Order already confirmed' },
  amount: { RspCode: '04', Message: 'Invalid amount' },
  signature: { RspCode: '97', Message: 'Invalid signature' },
} as const satisfies Record<string, NoticeAnswer>;

/** The workflow refused, or the dossier is closed: about the dossier's state, not a fault to retry. */
const isRefusal = (error: unknown) =>
  (error instanceof WorkflowUpdateFailedError && (error.cause as { type?: string } | undefined)?.type === DOSSIER_REJECTION_TYPE) ||
  (error instanceof DomainError && error.code === 'conflict');

/** The gateway's yyyyMMddHHmmss (Vietnam time) as an instant; now if it is missing or malformed. */
function payDate(text: string | undefined): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return new Date();
  return vietnamInstant(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`);
}

/**
 * The payment platform's signed notification (IPN), the source of truth of an online payment
 * (the browser's return is only shown). Checked in this order: the signature (a wrong one is
 * audited and answered 97), the order reference (01), already paid (02: a replay changes nothing),
 * the amount (a different one is audited and answered 04). A successful payment then settles the
 * fee in the dossier's workflow, marks the attempt paid and queues the electronic receipt, in one
 * transaction holding the attempt's row, so two notifications at once confirm it once.
 * docs/domain/fees-and-payment.md
 */
export async function receivePaymentNotice(args: {
  ctx: ServiceContext;
  fields: GatewayFields;
  gateway: PaymentGatewayConfig;
  engine: DossierEngine;
}): Promise<NoticeAnswer> {
  const { ctx, fields, gateway } = args;
  const ref = parseOrderRef(fields.vnp_TxnRef ?? '');
  const signed = gatewaySignatureValid(fields, gateway.secret) && fields.vnp_TmnCode === gateway.merchantCode;
  const t = schema.tenants;
  const [tenant] = ref ? await ctx.db.select({ id: t.id }).from(t).where(eq(t.code, ref.tenantCode)) : [];
  // Without a province there is no audit log to write in: nothing was changed, and the answer says why.
  if (!ref || !tenant) return signed ? ANSWERS.notFound : ANSWERS.signature;
  const tenantId = tenant.id;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const p = schema.payments;
    const rejected = (reason: string, details: Record<string, unknown>) =>
      audit(tx, ctx, { tenantId, action: 'payment.notice_rejected', subjectType: 'Payment', subjectId: ref.paymentId, details: { reason, ...details } });
    if (!signed) {
      await rejected('signature', { orderRef: fields.vnp_TxnRef });
      return ANSWERS.signature;
    }
    const [payment] = await tx
      .select()
      .from(p)
      .where(and(eq(p.tenantId, tenantId), eq(p.orderRef, fields.vnp_TxnRef!)))
      .for('update');
    if (!payment || payment.id !== ref.paymentId) return ANSWERS.notFound;
    if (payment.status === 'paid') return ANSWERS.already;
    const amountVnd = Number(fields.vnp_Amount) / 100;
    if (amountVnd !== payment.amountVnd) {
      await rejected('amount', { expectedVnd: payment.amountVnd, notifiedVnd: amountVnd, transactionNo: fields.vnp_TransactionNo ?? null });
      return ANSWERS.amount;
    }
    if (fields.vnp_ResponseCode !== '00' || fields.vnp_TransactionStatus !== '00') {
      await tx
        .update(p)
        .set({ status: 'failed', gatewayTxnNo: fields.vnp_TransactionNo ?? null })
        .where(and(eq(p.tenantId, tenantId), eq(p.id, payment.id)));
      await audit(tx, ctx, {
        tenantId,
        action: 'payment.failed',
        subjectType: 'Payment',
        subjectId: payment.id,
        details: { responseCode: fields.vnp_ResponseCode ?? null },
      });
      return ANSWERS.confirmed;
    }
    const transactionNo = fields.vnp_TransactionNo ?? '';
    const feeSettled = await settleFee({ tx, engine: args.engine, tenantId, payment, transactionNo });
    await tx
      .update(p)
      .set({
        status: 'paid',
        gatewayTxnNo: transactionNo,
        providerRef: transactionNo,
        bankCode: fields.vnp_BankCode ?? null,
        paidAt: payDate(fields.vnp_PayDate),
      })
      .where(and(eq(p.tenantId, tenantId), eq(p.id, payment.id)));
    await tx.insert(schema.outbox).values({ tenantId, ...outboxMessage('payment.receipt', withTraceCarrier({ paymentId: payment.id })) });
    await audit(tx, ctx, {
      tenantId,
      action: 'payment.confirmed',
      subjectType: 'Payment',
      subjectId: payment.id,
      details: { dossierId: payment.dossierId, amountVnd, transactionNo, feeSettled },
    });
    return ANSWERS.confirmed;
  });
}

/**
 * Settles the fee in the workflow that owns the dossier's current step. The Update id makes a
 * retried notification (after a failed commit here) return the first result instead of acting
 * twice. A refusal (the fee was already recorded at the counter, or is no longer pending) does not
 * undo the money taken: the payment is kept and its audit says the fee was not settled by it.
 */
async function settleFee(a: {
  tx: TenantDb;
  engine: DossierEngine;
  tenantId: string;
  payment: typeof schema.payments.$inferSelect;
  transactionNo: string;
}): Promise<boolean> {
  const { payment } = a;
  const row = await loadDossierRow(a.tx, a.tenantId, payment.dossierId);
  const open = await loadOpenSteps(a.tx, a.tenantId, payment.dossierId);
  const confirmation = { paymentId: payment.id, orderRef: payment.orderRef!, transactionNo: a.transactionNo, amountVnd: payment.amountVnd };
  try {
    const route =
      routeFromProjection({ engine: a.engine, row, open, action: 'recordPayment' }) ?? (await routeByQuery({ engine: a.engine, row, action: 'recordPayment' }));
    await route.target.executeUpdate(confirmOnlinePaymentUpdate, { args: [confirmation], updateId: `online-payment-${payment.id}` });
    return true;
  } catch (error) {
    if (isRefusal(error)) return false;
    throw error;
  }
}
