import { schema, withTenant } from '@gov/db';
import { parseOrderRef } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { gatewaySignatureValid, type GatewayFields, type PaymentGatewayConfig } from './gateway.js';

/**
 * What the return page shows when the gateway sends the applicant back: whether the fields are
 * the gateway's (signed), what it says, and what the notification recorded. Changes nothing: the
 * browser's return can be replayed or forged, the signed server-to-server notification cannot.
 */
export async function readPaymentReturn({ ctx, fields, gateway }: { ctx: ServiceContext; fields: GatewayFields; gateway: PaymentGatewayConfig }) {
  const signatureValid = gatewaySignatureValid(fields, gateway.secret);
  const ref = parseOrderRef(fields.vnp_TxnRef ?? '');
  const answer = {
    signatureValid,
    gatewaySaysPaid: signatureValid && fields.vnp_ResponseCode === '00',
    amountVnd: signatureValid ? Number(fields.vnp_Amount) / 100 : null,
    orderRef: signatureValid ? (fields.vnp_TxnRef ?? null) : null,
    recorded: null as null | (typeof schema.payments.$inferSelect)['status'],
  };
  if (!signatureValid || !ref) return answer;
  const t = schema.tenants;
  const [tenant] = await ctx.db.select({ id: t.id }).from(t).where(eq(t.code, ref.tenantCode));
  if (!tenant) return answer;
  const p = schema.payments;
  const [payment] = await withTenant(ctx.sql, tenant.id, (tx) =>
    tx
      .select({ status: p.status })
      .from(p)
      .where(and(eq(p.tenantId, tenant.id), eq(p.id, ref.paymentId))),
  );
  return { ...answer, recorded: payment?.status ?? null };
}
