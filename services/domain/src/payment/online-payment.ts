import * as v from 'valibot';

/**
 * What the payment platform's verified notification tells the dossier's workflow: the fee is paid
 * online. No person acts, so there is no actor; the order reference and the gateway's transaction
 * number are what the dossier's history keeps.
 */
export const OnlinePaymentConfirmation = v.object({
  paymentId: v.pipe(v.string(), v.uuid()),
  orderRef: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  transactionNo: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  amountVnd: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type OnlinePaymentConfirmation = v.InferOutput<typeof OnlinePaymentConfirmation>;
