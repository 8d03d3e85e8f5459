import * as v from 'valibot';

// What the payment routes answer, declared once for the OpenAPI document (see answer.ts).

const Instant = v.nullable(v.pipe(v.string(), v.description('ISO 8601 with offset')));

/** A new attempt at the payment platform: where to send the applicant's browser. */
export const OnlinePayment = v.object({
  paymentId: v.pipe(v.string(), v.uuid()),
  orderRef: v.pipe(v.string(), v.description('Order reference at the gateway: province code, dossier code, attempt id')),
  amountVnd: v.number(),
  description: v.string(),
  payUrl: v.pipe(v.string(), v.description('The gateway’s signed pay page')),
});

/** The payments made on a dossier, with their electronic receipts. */
export const DossierPayments = v.object({
  items: v.array(
    v.object({
      id: v.pipe(v.string(), v.uuid()),
      amountVnd: v.number(),
      method: v.picklist(['online', 'counter', 'bank_transfer']),
      status: v.picklist(['requested', 'paid', 'failed', 'refunded']),
      transactionNo: v.nullable(v.string()),
      paidAt: Instant,
      receiptNo: v.nullable(v.pipe(v.string(), v.description('Số biên lai điện tử'))),
      receiptLookupCode: v.nullable(v.pipe(v.string(), v.description('Mã tra cứu biên lai'))),
      receiptUrl: v.nullable(v.string()),
      receiptIssuedAt: Instant,
    }),
  ),
});

const Side = v.object({ orderRef: v.string(), amountVnd: v.number(), transactionNo: v.nullable(v.string()) });

/** One day's online payments here against the gateway's list. */
export const Reconciliation = v.object({
  date: v.string(),
  recorded: v.number(),
  listed: v.number(),
  differences: v.array(
    v.object({
      kind: v.picklist(['missing_here', 'missing_there', 'amount_mismatch']),
      orderRef: v.string(),
      ours: v.optional(Side),
      theirs: v.optional(Side),
    }),
  ),
});

/** What the return page shows; the notification, not this, records the payment. */
export const PaymentReturn = v.object({
  signatureValid: v.boolean(),
  gatewaySaysPaid: v.boolean(),
  amountVnd: v.nullable(v.number()),
  orderRef: v.nullable(v.string()),
  recorded: v.pipe(
    v.nullable(v.picklist(['requested', 'paid', 'failed', 'refunded'])),
    v.description('The attempt’s status as recorded from the notification'),
  ),
});

/** The gateway's notification answer (its own codes). */
export const NoticeAnswer = v.object({ RspCode: v.string(), Message: v.string() });
