import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import type { StandInMode } from './control.js';
import { startEinvoiceProvider, type EinvoiceConfig } from './einvoice-provider.js';
import { startPaymentGateway, type PaymentGatewayConfig } from './payment-gateway.js';

export type PaymentSystem = 'payment' | 'einvoice';

/** Body of `POST /payment/resend`: the notification of a payment again, as is or tampered. */
const ResendRequest = v.object({ txnRef: v.pipe(v.string(), v.minLength(1)), tamper: v.optional(v.picklist(['none', 'amount', 'signature']), 'none') });
/** Body of `POST /payment/notify`: whether payments notify the merchant at all. */
const NotifyRequest = v.object({ on: v.boolean() });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The payment gateway and the e-invoice provider stand-ins, with their part of the control port:
 * `GET /payment/transactions` (what was paid, with the merchant's answers to each notification),
 * `POST /payment/resend` (a duplicate or tampered notification, answering the merchant's reply),
 * `POST /payment/notify` (stop or restart notifications: a lost IPN) and `GET /einvoice/receipts`.
 */
export async function startPaymentStandIns(config: { gateway: PaymentGatewayConfig; einvoice: EinvoiceConfig }, log: (line: string) => void) {
  const modes: Record<PaymentSystem, StandInMode> = { payment: 'ok', einvoice: 'ok' };
  const failing = (system: PaymentSystem) => () => (modes[system] === 'fail' ? ('fail' as const) : ('ok' as const));
  const gateway = await startPaymentGateway(config.gateway, { mode: failing('payment'), log });
  const einvoice = await startEinvoiceProvider(config.einvoice, { mode: failing('einvoice'), log });
  const servers = { payment: gateway, einvoice };

  /** Answers the control requests that are this module's; false for any other. */
  function control(req: IncomingMessage, res: ServerResponse): boolean {
    const send = (status: number, body?: unknown) =>
      void res.writeHead(status, { 'Content-Type': 'application/json' }).end(body === undefined ? undefined : JSON.stringify(body));
    const lists: Record<string, unknown> = { '/payment/transactions': gateway.transactions, '/einvoice/receipts': einvoice.receipts };
    if (req.method === 'GET' && req.url && req.url in lists) {
      send(200, lists[req.url]);
      return true;
    }
    if (req.method === 'POST' && req.url === '/payment/resend') {
      void readJson(req)
        .then((body) => v.parse(ResendRequest, body))
        .then(async ({ txnRef, tamper }) => {
          const answer = await gateway.resend(txnRef, tamper);
          send(answer ? 200 : 404, answer ?? { error: 'no payment with this txnRef' });
        })
        .catch(() => send(400, { error: 'body must be { txnRef, tamper?: "none" | "amount" | "signature" }' }));
      return true;
    }
    if (req.method === 'POST' && req.url === '/payment/notify') {
      void readJson(req)
        .then((body) => v.parse(NotifyRequest, body))
        .then(({ on }) => {
          gateway.setNotify(on);
          send(200, { notify: on });
        })
        .catch(() => send(400, { error: 'body must be { on: boolean }' }));
      return true;
    }
    return false;
  }

  return {
    gatewayUrl: gateway.url,
    einvoiceUrl: einvoice.url,
    control,
    async setMode(system: PaymentSystem, mode: StandInMode) {
      modes[system] = mode;
      await servers[system].setDown(mode === 'down');
    },
    close: () => Promise.allSettled([gateway.close(), einvoice.close()]),
  };
}
export type PaymentStandIns = Awaited<ReturnType<typeof startPaymentStandIns>>;
