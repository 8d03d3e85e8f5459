import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenRestartable } from './restartable-server.js';

/** A receipt the provider issued, as it keeps it. */
export interface IssuedReceipt {
  /** The caller's key: a second request with it returns the same receipt. */
  transactionId: string;
  receiptNo: string;
  lookupCode: string;
  sellerTaxCode: string;
  buyerName: string;
  totalAmount: number;
  items: { name: string; quantity: number; unitPrice: number; amount: number }[];
  issuedAt: string;
}

export type EinvoiceMode = 'ok' | 'fail';

export interface EinvoiceConfig {
  port: number;
  host?: string;
  username: string;
  password: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function validReceipt(body: Record<string, unknown>): string | null {
  if (typeof body.transactionId !== 'string' || !body.transactionId) return 'transactionId';
  if (typeof body.sellerTaxCode !== 'string' || !/^\d{10}(-\d{3})?$/.test(body.sellerTaxCode)) return 'sellerTaxCode';
  if (typeof body.buyerName !== 'string' || !body.buyerName) return 'buyerName';
  if (!Array.isArray(body.items) || body.items.length === 0) return 'items';
  const items = body.items as IssuedReceipt['items'];
  if (typeof body.totalAmount !== 'number' || items.reduce((sum, i) => sum + i.amount, 0) !== body.totalAmount) return 'totalAmount';
  return null;
}

/**
 * A local stand-in for an e-invoice provider's HTTP JSON API (VNPT/Viettel style): `POST
 * /api/receipts` with HTTP Basic credentials issues a receipt (biên lai) for the seller's tax code,
 * the buyer and the items, and answers its number, lookup code and the URL where it can be read;
 * the same `transactionId` again returns the same receipt. `GET /api/receipts` lists them and
 * `GET /receipts/:lookupCode` shows one as a page, as the provider's lookup site does.
 */
export async function startEinvoiceProvider(config: EinvoiceConfig, options: { mode: () => EinvoiceMode; log: (line: string) => void }) {
  const receipts: IssuedReceipt[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
  let url = '';

  async function issue(req: IncomingMessage, res: ServerResponse) {
    const json = (status: number, body: unknown) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== expectedAuth) return json(401, { errorCode: 'AUTH', description: 'Sai tài khoản hoặc mật khẩu' });
    const body: Record<string, unknown> = await readJson(req).catch(() => ({}));
    const wrong = validReceipt(body);
    if (wrong) return json(400, { errorCode: 'INVALID', description: `Trường ${wrong} không hợp lệ` });
    const known = receipts.find((r) => r.transactionId === body.transactionId);
    const receipt =
      known ??
      ({
        transactionId: body.transactionId as string,
        receiptNo: String(receipts.length + 1).padStart(7, '0'),
        lookupCode: `BL${Date.now().toString(36).toUpperCase()}${receipts.length + 1}`,
        sellerTaxCode: body.sellerTaxCode as string,
        buyerName: body.buyerName as string,
        totalAmount: body.totalAmount as number,
        items: body.items as IssuedReceipt['items'],
        issuedAt: new Date().toISOString(),
      } satisfies IssuedReceipt);
    if (!known) {
      receipts.push(receipt);
      options.log(`e-invoice stand-in: receipt ${receipt.receiptNo} for ${receipt.totalAmount} đ`);
    }
    json(200, { errorCode: null, receiptNo: receipt.receiptNo, lookupCode: receipt.lookupCode, url: `${url}/receipts/${receipt.lookupCode}` });
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (options.mode() === 'fail') return void req.resume().on('end', () => res.writeHead(503).end());
    const path = new URL(req.url ?? '/', 'http://einvoice.local').pathname;
    if (req.method === 'POST' && path === '/api/receipts') return void issue(req, res);
    if (req.method === 'GET' && path === '/api/receipts') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(receipts));
    const shown = /^\/receipts\/([\w-]+)$/.exec(path);
    const receipt = shown && receipts.find((r) => r.lookupCode === shown[1]);
    if (req.method === 'GET' && receipt) {
      const rows = receipt.items.map((i) => `<tr><td>${escapeHtml(i.name)}</td><td>${i.amount.toLocaleString('vi-VN')} đ</td></tr>`).join('');
      return void res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Biên lai ${escapeHtml(receipt.receiptNo)}</title><h1>Biên lai thu phí, lệ phí điện tử (bản thử nghiệm)</h1><p>Số ${escapeHtml(receipt.receiptNo)} — mã tra cứu ${escapeHtml(receipt.lookupCode)}</p><p>Người nộp: ${escapeHtml(receipt.buyerName)}</p><table>${rows}</table></html>`,
        );
    }
    res.writeHead(404).end();
  }

  const server = await listenRestartable(handle, config.port, config.host);
  url = server.url;
  return {
    url: server.url,
    receipts,
    setDown: (down: boolean) => server.setDown(down),
    close: () => server.close(),
  };
}
export type EinvoiceProvider = Awaited<ReturnType<typeof startEinvoiceProvider>>;
