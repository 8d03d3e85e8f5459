import { createServer } from 'node:http';

export interface ReceivedSms {
  id: string;
  to: string;
  text: string;
  /** The sender name shown on the phone (tên định danh), when the sender sets one. */
  brandname?: string;
}

/** `fail`: every send answers 503, as a gateway in trouble. */
export type SmsMode = 'ok' | 'fail';

/**
 * A local stand-in for an SMS gateway: `POST /sms` with `{ id, to, text, brandname? }` is kept (and shown by
 * `npm start`); `GET /sms` lists what arrived. Duplicate ids are kept once, like a gateway's
 * idempotent send.
 */
export async function startSmsSink(args: { port: number; host?: string; onSms?: (sms: ReceivedSms) => void; mode?: () => SmsMode }) {
  const received: ReceivedSms[] = [];
  const server = createServer((req, res) => {
    if (req.url !== '/sms') return void res.writeHead(404).end();
    if (req.method === 'POST' && args.mode?.() === 'fail') return void req.resume().on('end', () => res.writeHead(503).end());
    if (req.method === 'GET') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(received));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const sms = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms;
        if (!received.some((r) => r.id === sms.id)) {
          received.push(sms);
          args.onSms?.(sms);
        }
        res.writeHead(202).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  return { port, url: `http://127.0.0.1:${port}/sms`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
