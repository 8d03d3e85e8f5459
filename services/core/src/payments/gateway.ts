import { VIETNAM_UTC_OFFSET_MS } from '@gov/calendar';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The national payment platform as the API speaks to it (VNPAY-style redirect protocol, version
 * 2.1.0): a signed redirect URL to its pay page, its signed notification (IPN) back, and its
 * reconciliation list. One merchant account for the platform; docs/domain/fees-and-payment.md.
 */
export interface PaymentGatewayConfig {
  /** The gateway's base URL (its pay page is `/paymentv2/vpcpay.html` below it). */
  url: string;
  /** Mã website (vnp_TmnCode) the gateway gave the platform. */
  merchantCode: string;
  /** The shared secret of the HMAC-SHA512 signatures; never logged. */
  secret: string;
  /** Where people open the platform: the return page is `/portal/payment-result` below it. */
  publicUrl: string;
}

/** The fields of a notification or a return, as strings (the query string's). */
export type GatewayFields = Record<string, string>;

/**
 * The canonical text the gateway signs: `vnp_` fields but the hash ones, sorted by name, each
 * name and value URL-encoded as application/x-www-form-urlencoded (space as `+`, only
 * `A-Z a-z 0-9 - _ .` left as is, as PHP's urlencode does), joined with `&`.
 */
function canonical(fields: GatewayFields): string {
  return Object.entries(fields)
    .filter(([name, value]) => name.startsWith('vnp_') && name !== 'vnp_SecureHash' && name !== 'vnp_SecureHashType' && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${formEncode(name)}=${formEncode(value)}`)
    .join('&');
}

const formEncode = (text: string) =>
  encodeURIComponent(text)
    .replace(/[!'()*~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

export function signGatewayFields(fields: GatewayFields, secret: string): string {
  return createHmac('sha512', secret).update(canonical(fields), 'utf8').digest('hex');
}

/** Constant-time: the hash is a secret-derived value. */
export function gatewaySignatureValid(fields: GatewayFields, secret: string): boolean {
  const given = Buffer.from((fields.vnp_SecureHash ?? '').toLowerCase(), 'utf8');
  const expected = Buffer.from(signGatewayFields(fields, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** yyyyMMddHHmmss in Vietnam time (UTC+7, no daylight saving), the gateway's date format. */
export function gatewayTimestamp(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString();
  return local.slice(0, 19).replace(/[-:T]/g, '');
}

/** The gateway's pay page for one order, signed; amounts go as đồng × 100, as the protocol has it. */
export function gatewayPayUrl(
  config: PaymentGatewayConfig,
  order: { orderRef: string; amountVnd: number; orderInfo: string; returnUrl: string; clientAddress: string; at: Date },
): string {
  const fields: GatewayFields = {
    vnp_Version: '2.1.0',
    vnp_Command: 'pay',
    vnp_TmnCode: config.merchantCode,
    vnp_Amount: String(order.amountVnd * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: order.orderRef,
    vnp_OrderInfo: order.orderInfo,
    vnp_OrderType: 'other',
    vnp_Locale: 'vn',
    vnp_ReturnUrl: order.returnUrl,
    vnp_IpAddr: order.clientAddress,
    vnp_CreateDate: gatewayTimestamp(order.at),
  };
  const url = new URL('/paymentv2/vpcpay.html', config.url);
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  url.searchParams.set('vnp_SecureHash', signGatewayFields(fields, config.secret));
  return url.href;
}

/** One payment as the gateway's reconciliation list gives it. */
export interface GatewayTransaction {
  transactionNo: string;
  txnRef: string;
  amountVnd: number;
  bankCode: string;
  payDate: string;
}

/** The gateway's payments of one day (Vietnam time, `yyyyMMdd`), asked with a signed request. */
export async function fetchGatewayTransactions(config: PaymentGatewayConfig, day: string): Promise<GatewayTransaction[]> {
  const fields: GatewayFields = { vnp_TmnCode: config.merchantCode, vnp_Date: day };
  const url = new URL('/merchant/transactions', config.url);
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  url.searchParams.set('vnp_SecureHash', signGatewayFields(fields, config.secret));
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`payment gateway answered ${response.status} to the reconciliation request`);
  const body = (await response.json()) as { transactions: GatewayTransaction[]; vnp_SecureHash: string };
  // The list is signed over its day and count, so a list cut short on the way does not pass.
  const check = { vnp_Date: day, vnp_Count: String(body.transactions.length), vnp_SecureHash: body.vnp_SecureHash };
  if (!gatewaySignatureValid(check, config.secret)) throw new Error('payment gateway reconciliation list has a wrong signature');
  return body.transactions;
}
