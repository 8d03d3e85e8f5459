import { MS_PER_DAY, vietnamInstant } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { comparePayments, invalid, parseOrderRef, upstreamUnavailable, type PaymentDifference } from '@gov/domain';
import { and, eq, gte, lt } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { fetchGatewayTransactions, type PaymentGatewayConfig } from './gateway.js';

export const ReconcileQuery = v.object({
  date: v.pipe(v.string(), v.isoDate('ngày có dạng YYYY-MM-DD (date must be YYYY-MM-DD)')),
});
export type ReconcileQuery = v.InferInput<typeof ReconcileQuery>;

/**
 * Đối soát giao dịch: one day (Vietnam time) of the province's online payments as recorded here
 * against the gateway's list for that day, for whoever reads the province's reports. The gateway
 * lists every province of the one merchant; the province code that leads each order reference
 * picks this province's. Nothing is changed: the differences are for the finance officer to act on.
 */
export async function reconcilePayments(args: { ctx: ServiceContext; tenantId: string; input: ReconcileQuery; gateway: PaymentGatewayConfig }) {
  const { ctx, tenantId } = args;
  assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const { date } = parseInput(ReconcileQuery, args.input);
  const from = vietnamInstant(date);
  const to = new Date(from.getTime() + MS_PER_DAY);
  // A day that has not begun has no payments on either side; the gateway is not asked.
  if (from.getTime() > Date.now()) throw invalid({ vi: 'Ngày đối soát chưa tới.', en: 'The reconciliation day has not begun yet.' });
  const p = schema.payments;
  const { ours, tenantCode } = await withTenant(ctx.sql, tenantId, async (tx) => {
    const [tenant] = await tx.select({ code: schema.tenants.code }).from(schema.tenants).where(eq(schema.tenants.id, tenantId));
    const rows = await tx
      .select({ orderRef: p.orderRef, amountVnd: p.amountVnd, transactionNo: p.gatewayTxnNo })
      .from(p)
      .where(and(eq(p.tenantId, tenantId), eq(p.method, 'online'), eq(p.status, 'paid'), gte(p.paidAt, from), lt(p.paidAt, to)));
    return { ours: rows.map((r) => ({ ...r, orderRef: r.orderRef ?? '' })), tenantCode: tenant!.code };
  });
  const listed = await fetchGatewayTransactions(args.gateway, date.replaceAll('-', '')).catch(() => {
    throw upstreamUnavailable({
      vi: `Không lấy được danh sách giao dịch từ cổng thanh toán; vui lòng thử lại sau.`,
      en: `Could not get the transaction list from the payment gateway; please try again later.`,
    });
  });
  const theirs = listed
    .filter((t) => parseOrderRef(t.txnRef)?.tenantCode === tenantCode)
    .map((t) => ({ orderRef: t.txnRef, amountVnd: t.amountVnd, transactionNo: t.transactionNo }));
  const differences: PaymentDifference[] = comparePayments(ours, theirs);
  return { date, recorded: ours.length, listed: theirs.length, differences };
}
