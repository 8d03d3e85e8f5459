import { VIETNAM_UTC_OFFSET_MS } from '@gov/calendar';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenRestartable } from './restartable-server.js';

/**
 * The gateway's own signing, written here apart from the API's adapter on purpose: a gateway is
 * another party, and a test in which both sides share one signing function could not catch a
 * mistake in it. VNPAY-style: the `vnp_` fields except the hash, sorted by name, each
 * `name=value` form-encoded, joined with `&`, HMAC-SHA512 with the merchant's secret, hex.
 */
export function gatewaySign(fields: Record<string, string>, secret: string): string {
  const names = Object.keys(fields)
    .filter((name) => name.startsWith('vnp_') && name !== 'vnp_SecureHash' && name !== 'vnp_SecureHashType' && fields[name] !== '')
    .sort();
  const data = names.map((name) => `${formEncode(name)}=${formEncode(fields[name]!)}`).join('&');
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

/** application/x-www-form-urlencoded byte by byte: letters, digits and `-_.` as is, space as `+`. */
const formEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((byte) => {
      const ch = String.fromCharCode(byte);
      if (/[A-Za-z0-9._-]/.test(ch)) return ch;
      return byte === 0x20 ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

function signatureMatches(fields: Record<string, string>, secret: string): boolean {
  const given = Buffer.from(fields.vnp_SecureHash ?? '', 'utf8');
  const expected = Buffer.from(gatewaySign(fields, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One payment the gateway made, as its reconciliation list reports it. */
export interface GatewayTransaction {
  transactionNo: string;
  txnRef: string;
  amountVnd: number;
  bankCode: string;
  /** yyyyMMddHHmmss, Vietnam time, as the gateway writes dates. */
  payDate: string;
  /** What the merchant's notification endpoint answered each time it was told (`RspCode`). */
  ipnAnswers: string[];
}

export type GatewayMode = 'ok' | 'fail';
export type IpnTamper = 'none' | 'amount' | 'signature';

export interface PaymentGatewayConfig {
  port: number;
  host?: string;
  merchantCode: string;
  secret: string;
  /** The merchant's notification (IPN) URL, registered with the gateway as with a real one. */
  ipnUrl: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

/** yyyyMMddHHmmss in Vietnam time (UTC+7, no daylight saving). */
export function gatewayDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function payPage(fields: Record<string, string>): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán (bản thử nghiệm)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}h1{color:#005baa;font-size:1.4rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{color:#555}button{padding:.6rem 1rem;font-size:1rem;margin-right:.5rem}
.primary{background:#005baa;color:#fff;border:0}</style></head><body>
<h1>Cổng thanh toán — Cổng Dịch vụ công quốc gia (bản thử nghiệm cục bộ)</h1>
<dl><dt>Số tiền</dt><dd data-testid="amount">${escapeHtml(vnd(Number(fields.vnp_Amount) / 100))}</dd>
<dt>Nội dung</dt><dd>${escapeHtml(fields.vnp_OrderInfo ?? '')}</dd><dt>Mã đơn hàng</dt><dd>${escapeHtml(fields.vnp_TxnRef ?? '')}</dd></dl>
<form method="post" action="/paymentv2/pay">${hidden}<button class="primary" type="submit" name="choice" value="pay">Thanh toán</button>
<button type="submit" name="choice" value="cancel">Hủy giao dịch</button></form></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local stand-in for the national payment platform's gateway, speaking the VNPAY-style
 * redirect protocol: `GET /paymentv2/vpcpay.html?…` checks the merchant's signature and shows the
 * pay page; "Thanh toán" makes the transaction, sends the signed notification (IPN, a GET to the
 * merchant's registered URL) and redirects the browser to the return URL with the same signed
 * fields. `GET /merchant/transactions?…` is the reconciliation list of one day, signed both ways.
 */
export async function startPaymentGateway(config: PaymentGatewayConfig, options: { mode: () => GatewayMode; log: (line: string) => void }) {
  const transactions: GatewayTransaction[] = [];
  const sent = new Map<string, Record<string, string>>();
  let notify = true;
  let sequence = 14_000_000;

  function resultFields(request: Record<string, string>, tx: GatewayTransaction, responseCode: string): Record<string, string> {
    const fields: Record<string, string> = {
      vnp_TmnCode: config.merchantCode,
      vnp_Amount: String(tx.amountVnd * 100),
      vnp_BankCode: tx.bankCode,
      vnp_OrderInfo: request.vnp_OrderInfo ?? '',
      vnp_PayDate: tx.payDate,
      vnp_ResponseCode: responseCode,
      vnp_TransactionStatus: responseCode,
      vnp_TransactionNo: tx.transactionNo,
      vnp_TxnRef: tx.txnRef,
    };
    return { ...fields, vnp_SecureHash: gatewaySign(fields, config.secret) };
  }

  /** Sends the notification, tampered if a test asks: the merchant's answer is recorded and returned. */
  async function sendIpn(fields: Record<string, string>, tamper: IpnTamper): Promise<{ RspCode: string; Message: string }> {
    const body = { ...fields };
    if (tamper === 'amount') {
      body.vnp_Amount = String(Number(body.vnp_Amount) + 100_000);
      body.vnp_SecureHash = gatewaySign(body, config.secret);
    }
    if (tamper === 'signature') body.vnp_SecureHash = gatewaySign(body, 'not-the-merchant-secret');
    const response = await fetch(`${config.ipnUrl}?${new URLSearchParams(body).toString()}`);
    const answer = (await response.json()) as { RspCode: string; Message: string };
    transactions.find((t) => t.txnRef === fields.vnp_TxnRef)?.ipnAnswers.push(answer.RspCode);
    options.log(`payment stand-in: IPN for ${fields.vnp_TxnRef}${tamper === 'none' ? '' : ` (${tamper} tampered)`} answered ${answer.RspCode}`);
    return answer;
  }

  async function pay(req: IncomingMessage, res: ServerResponse) {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const { choice, ...request } = form;
    if (!signatureMatches(request, config.secret)) return void res.writeHead(400).end('Sai chữ ký (invalid signature)');
    const returnUrl = new URL(request.vnp_ReturnUrl!);
    const tx: GatewayTransaction = {
      transactionNo: String((sequence += 1)),
      txnRef: request.vnp_TxnRef!,
      amountVnd: Number(request.vnp_Amount) / 100,
      bankCode: request.vnp_BankCode || 'NCB',
      payDate: gatewayDate(new Date()),
      ipnAnswers: [],
    };
    const code = choice === 'pay' ? '00' : '24';
    const fields = resultFields(request, tx, code);
    if (code === '00') {
      transactions.push(tx);
      sent.set(tx.txnRef, fields);
      options.log(`payment stand-in: paid ${vnd(tx.amountVnd)} for ${tx.txnRef}`);
      // The notification goes before the redirect, as a gateway's server does; its failure does
      // not stop the citizen, and reconciliation finds the payment later.
      if (notify) await sendIpn(fields, 'none').catch((error: unknown) => options.log(`payment stand-in: IPN failed: ${String(error)}`));
    }
    for (const [name, value] of Object.entries(fields)) returnUrl.searchParams.set(name, value);
    res.writeHead(302, { Location: returnUrl.href }).end();
  }

  function reconciliation(url: URL, res: ServerResponse) {
    const fields = Object.fromEntries(url.searchParams);
    const json = (status: number, body: unknown) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (fields.vnp_TmnCode !== config.merchantCode || !signatureMatches(fields, config.secret))
      return json(401, { RspCode: '97', Message: 'Invalid signature' });
    const day = fields.vnp_Date ?? '';
    const list = transactions.filter((t) => t.payDate.startsWith(day)).map(({ ipnAnswers: _answers, ...t }) => t);
    json(200, { RspCode: '00', date: day, transactions: list, vnp_SecureHash: gatewaySign({ vnp_Date: day, vnp_Count: String(list.length) }, config.secret) });
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (options.mode() === 'fail') return void req.resume().on('end', () => res.writeHead(503).end('Cổng thanh toán tạm thời gián đoạn'));
    const url = new URL(req.url ?? '/', 'http://gateway.local');
    if (req.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') {
      const fields = Object.fromEntries(url.searchParams);
      if (fields.vnp_TmnCode !== config.merchantCode || !signatureMatches(fields, config.secret)) {
        return void res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Sai chữ ký hoặc mã website (invalid signature or merchant code)');
      }
      return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(payPage(fields));
    }
    if (req.method === 'POST' && url.pathname === '/paymentv2/pay') return void pay(req, res).catch(() => res.writeHead(400).end());
    if (req.method === 'GET' && url.pathname === '/merchant/transactions') return reconciliation(url, res);
    res.writeHead(404).end();
  }

  const server = await listenRestartable(handle, config.port, config.host);

  return {
    url: server.url,
    transactions,
    /** Whether payments notify the merchant (off: a lost notification, for reconciliation). */
    setNotify(on: boolean) {
      notify = on;
    },
    /** Sends the notification of a payment again, as is (a duplicate) or tampered. */
    resend(txnRef: string, tamper: IpnTamper) {
      const fields = sent.get(txnRef);
      if (!fields) return Promise.resolve(undefined);
      return sendIpn(fields, tamper);
    },
    setDown: (down: boolean) => server.setDown(down),
    close: () => server.close(),
  };
}
export type PaymentGateway = Awaited<ReturnType<typeof startPaymentGateway>>;
