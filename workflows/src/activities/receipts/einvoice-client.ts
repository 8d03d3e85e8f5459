/**
 * The e-invoice provider (hóa đơn, biên lai điện tử) as the platform speaks to it: an HTTP JSON
 * API in the style of VNPT's and Viettel's, with HTTP Basic credentials of the seller's account.
 * One receipt per payment: the payment's id is the request's `transactionId`, so a retry after a
 * lost answer gets the same receipt back instead of a second one.
 */
export interface EinvoiceConfig {
  url: string;
  username: string;
  password: string;
  /** Mã số thuế of the seller (the province's collecting agency) the receipts are issued under. */
  sellerTaxCode: string;
}

export interface ReceiptRequest {
  transactionId: string;
  buyerName: string;
  items: { name: string; quantity: number; unitPrice: number; amount: number }[];
  totalAmount: number;
}

export interface IssuedReceipt {
  receiptNo: string;
  lookupCode: string;
  url: string;
}

export async function issueEinvoiceReceipt(config: EinvoiceConfig, request: ReceiptRequest): Promise<IssuedReceipt> {
  const response = await fetch(new URL('/api/receipts', config.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`,
    },
    body: JSON.stringify({ sellerTaxCode: config.sellerTaxCode, currency: 'VND', ...request }),
    signal: AbortSignal.timeout(15_000),
  });
  // Any refusal is retried by the outbox; a 4xx stays in its log until someone fixes the cause.
  if (!response.ok) throw new Error(`e-invoice provider answered ${response.status}`);
  const body = (await response.json()) as Partial<IssuedReceipt>;
  if (!body.receiptNo || !body.lookupCode || !body.url) throw new Error('e-invoice provider answered without a receipt number');
  return { receiptNo: body.receiptNo, lookupCode: body.lookupCode, url: body.url };
}
