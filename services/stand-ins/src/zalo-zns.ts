import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';

/** One ZNS message as the stand-in received it (the access token is checked, never kept). */
export interface ReceivedZns {
  msgId: string;
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  trackingId: string;
}

/** `fail`: every send answers the transient ZNS error -100, as Zalo does when it is in trouble. */
export type ZnsMode = 'ok' | 'fail';

/** Daily quota the stand-in reports back, as Zalo's `data.quota`. */
const DAILY_QUOTA = 500;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Zalo answers HTTP 200 with `error` non-zero on failure; the codes are those of the ZNS API. */
const failure = (error: number, message: string) => ({ error, message });

/**
 * A local stand-in for the Zalo Notification Service (ZNS) API: `POST /message/template` with the
 * `access_token` header and `{ phone: "84…", template_id, template_data, tracking_id }`, answered
 * `{ error: 0, message: "Success", data: { msg_id, sent_time, quota } }`. It checks what Zalo
 * checks first (token present, phone in 84 form, a template id, flat string data) and keeps what
 * it accepted; `GET /messages` lists them.
 */
export async function startZnsServer(args: { port: number; host?: string; onMessage?: (m: ReceivedZns) => void; mode?: () => ZnsMode }) {
  const received: ReceivedZns[] = [];
  const server = createServer((req, res) => {
    const send = (body: unknown) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && req.url === '/messages') return send(received);
    if (req.method !== 'POST' || req.url !== '/message/template') return void res.writeHead(404).end();
    void readBody(req).then((text) => {
      if (args.mode?.() === 'fail') return send(failure(-100, 'Application has got some errors, please try again later (stand-in set to fail)'));
      if (!req.headers['access_token']) return send(failure(-124, 'Access token is invalid'));
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return send(failure(-100, 'Body is not JSON'));
      }
      const { phone, template_id: templateId, template_data: data, tracking_id: trackingId } = body;
      if (typeof phone !== 'string' || !/^84\d{9,10}$/.test(phone)) return send(failure(-108, 'Phone number is invalid'));
      if (typeof templateId !== 'string' || !/^\d+$/.test(templateId)) return send(failure(-109, 'ID of template is invalid'));
      if (!data || typeof data !== 'object' || Object.values(data).some((v) => typeof v !== 'string')) return send(failure(-112, 'Template data is invalid'));
      const message: ReceivedZns = {
        msgId: randomUUID().replaceAll('-', ''),
        phone,
        templateId,
        templateData: data as Record<string, string>,
        trackingId: typeof trackingId === 'string' ? trackingId : '',
      };
      received.push(message);
      args.onMessage?.(message);
      const today = received.length;
      send({
        error: 0,
        message: 'Success',
        data: { msg_id: message.msgId, sent_time: String(Date.now()), quota: { dailyQuota: String(DAILY_QUOTA), remainingQuota: String(DAILY_QUOTA - today) } },
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
