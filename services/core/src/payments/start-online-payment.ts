import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { formatOrderRef, transferReference } from '@gov/domain';
import { eq } from 'drizzle-orm';
import type * as v from 'valibot';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertMayRead, DossierRef } from '../dossiers/get-dossier.js';
import { loadReadableDossier } from '../dossiers/load-dossier.js';
import { parseInput } from '../parse-input.js';
import { gatewayPayUrl, type PaymentGatewayConfig } from './gateway.js';
import { loadPendingFee, noFeePending } from './pending-fee.js';

/** The return page of the web app; the gateway adds its signed result fields to it. */
export const PAYMENT_RETURN_PATH = '/portal/payment-result';

/**
 * Thanh toán trực tuyến: a new attempt to pay the fee pending on a dossier through the national
 * payment platform, for whoever may read the dossier (in practice its applicant). Each attempt is
 * its own `payments` row and order reference, so an abandoned attempt does not block the next;
 * the fee is paid once whatever happens (one paid row per fee, docs/domain/fees-and-payment.md).
 */
export async function startOnlinePayment(args: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierRef>;
  gateway: PaymentGatewayConfig;
  clientAddress: string;
}) {
  const { ctx, tenantId, gateway } = args;
  assertMayRead(ctx, tenantId);
  const { dossierId } = parseInput(DossierRef, args.input);
  const at = new Date();
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const row = await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const fee = await loadPendingFee(tx, tenantId, dossierId);
    if (!fee) throw noFeePending();
    const [tenant] = await tx.select({ code: schema.tenants.code }).from(schema.tenants).where(eq(schema.tenants.id, tenantId));
    const paymentId = randomUUID();
    const orderRef = formatOrderRef({ tenantCode: tenant!.code, dossierCode: row.code, paymentId });
    await tx.insert(schema.payments).values({
      tenantId,
      id: paymentId,
      dossierId,
      amountVnd: fee.amountVnd,
      method: 'online',
      status: 'requested',
      feeEventId: fee.eventId,
      orderRef,
    });
    await audit(tx, ctx, {
      tenantId,
      action: 'payment.started',
      subjectType: 'Dossier',
      subjectId: dossierId,
      details: { paymentId, amountVnd: fee.amountVnd },
    });
    const returnUrl = new URL(PAYMENT_RETURN_PATH, gateway.publicUrl);
    returnUrl.searchParams.set('tenantId', tenantId);
    returnUrl.searchParams.set('dossierId', dossierId);
    const payUrl = gatewayPayUrl(gateway, {
      orderRef,
      amountVnd: fee.amountVnd,
      // ASCII, as gateways require: the dossier code without marks.
      orderInfo: `Nop phi ho so ${transferReference(row.code)}`,
      returnUrl: returnUrl.href,
      clientAddress: args.clientAddress,
      at,
    });
    return { paymentId, orderRef, amountVnd: fee.amountVnd, description: fee.description, payUrl };
  });
}
