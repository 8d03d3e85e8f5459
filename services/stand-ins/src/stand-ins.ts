import { createServer, type IncomingMessage } from 'node:http';
import * as v from 'valibot';
import { ControlRequest, IdentityRequest, SYSTEMS, type StandInMode, type StandInSystem } from './control.js';
import { startMailSink, type ReceivedMail } from './mail-sink.js';
import { startNationalPortal } from './national-portal.js';
import { startPaymentStandIns, type PaymentSystem } from './payment-stand-ins.js';
import { startSmsSink, type ReceivedSms } from './sms-sink.js';
import { startVneidProvider, type VneidClient } from './vneid-provider.js';
import { startZnsServer, type ReceivedZns } from './zalo-zns.js';

export interface StandInPorts {
  smtpPort: number;
  smsPort: number;
  controlPort: number;
  vneidPort: number;
  znsPort: number;
  /** The national portal stand-in and the API key it accepts from every province. */
  portal: { port: number; apiKey: string };
}

type Sink = { close(): Promise<void> };
type MessageSystem = Exclude<StandInSystem, 'vneid' | 'portal' | PaymentSystem>;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The mail relay, SMS gateway, VNeID, Zalo ZNS, payment, e-invoice and national portal stand-ins
 * with their control port. What arrives is kept
 * in memory for `GET /messages`; `POST /control` switches a system to fail (SMTP 451, HTTP 503, ZNS error -100) or
 * to go down (its port closed, so connections are refused) and back; `POST /vneid/identities`
 * makes the VNeID stand-in know one more person.
 */
export async function runStandIns(
  ports: StandInPorts,
  vneidClient: VneidClient,
  log: (line: string) => void,
  paymentConfig: Parameters<typeof startPaymentStandIns>[0],
) {
  const emails: ReceivedMail[] = [];
  const sms: ReceivedSms[] = [];
  const modes: Record<StandInSystem, StandInMode> = { mail: 'ok', sms: 'ok', vneid: 'ok', payment: 'ok', einvoice: 'ok', zalo: 'ok', portal: 'ok' };
  const zalo: ReceivedZns[] = [];
  // Port 0 (tests): each sink keeps the port the system gave it when it comes back up.
  let znsPort = ports.znsPort;
  let smtpPort = ports.smtpPort;
  let smsPort = ports.smsPort;
  const sinks: Partial<Record<MessageSystem, Sink>> = {};
  const mailMode = () => (modes.mail === 'fail' ? 'fail' : 'ok');
  const smsMode = () => (modes.sms === 'fail' ? 'fail' : 'ok');

  const startZns = () =>
    startZnsServer({
      port: znsPort,
      mode: () => (modes.zalo === 'fail' ? 'fail' : 'ok'),
      onMessage: (m) => {
        zalo.push(m);
        log(`Zalo ZNS to ${m.phone}: template ${m.templateId} ${JSON.stringify(m.templateData)}`);
      },
    });
  const open = {
    mail: () =>
      startMailSink({
        port: smtpPort,
        mode: mailMode,
        onMail: (m) => {
          emails.push(m);
          log(`email to ${m.to.join(', ')}: ${m.subject}`);
        },
      }),
    sms: () =>
      startSmsSink({
        port: smsPort,
        mode: smsMode,
        onSms: (m) => {
          sms.push(m);
          log(`SMS to ${m.to}: ${m.text}`);
        },
      }),
    zalo: startZns,
  } satisfies Record<MessageSystem, () => Promise<Sink>>;
  const vneid = await startVneidProvider({ port: ports.vneidPort, client: vneidClient, mode: () => (modes.vneid === 'fail' ? 'fail' : 'ok'), log });
  const payments = await startPaymentStandIns(paymentConfig, log);
  const portal = await startNationalPortal({
    port: ports.portal.port,
    apiKey: ports.portal.apiKey,
    mode: () => (modes.portal === 'fail' ? 'fail' : 'ok'),
    onSync: (s) => log(`national portal: dossier ${s.dossier_code} status ${s.status}`),
  });
  async function setMode(system: StandInSystem, mode: StandInMode) {
    modes[system] = mode;
    if (system === 'payment' || system === 'einvoice') return payments.setMode(system, mode);
    if (system === 'vneid') return vneid.setDown(mode === 'down');
    if (system === 'portal') return portal.setDown(mode === 'down');
    const sink = sinks[system];
    if (mode === 'down' && sink) {
      delete sinks[system];
      await sink.close();
    } else if (mode !== 'down' && !sink) {
      sinks[system] = await open[system]();
    }
  }
  const mail = await open.mail();
  const smsSink = await open.sms();
  const zns = await startZns();
  Object.assign(sinks, { mail, sms: smsSink, zalo: zns });
  smtpPort = mail.port;
  smsPort = smsSink.port;
  znsPort = zns.port;

  const control = createServer((req, res) => {
    const send = (status: number, body?: unknown) =>
      void res.writeHead(status, { 'Content-Type': 'application/json' }).end(body === undefined ? undefined : JSON.stringify(body));
    if (req.method === 'GET' && req.url === '/healthz') return send(200, { modes });
    if (req.method === 'GET' && req.url === '/messages') return send(200, { emails, sms, zalo });
    if (payments.control(req, res)) return;
    // What the national portal stand-in received (in order) and holds now, even while it is down.
    if (req.method === 'GET' && req.url === '/portal') return send(200, { received: portal.received, view: portal.view() });
    if (req.method === 'POST' && req.url === '/control') {
      return void readJson(req)
        .then((body) => v.parse(ControlRequest, body))
        .then(async ({ system, mode }) => {
          await setMode(system, mode);
          log(`${system} stand-in is now ${mode}`);
          send(200, { modes });
        })
        .catch(() => send(400, { error: `body must be { system: ${SYSTEMS.map((x) => `"${x}"`).join(' | ')}, mode: "ok" | "fail" | "down" }` }));
    }
    if (req.method === 'POST' && req.url === '/vneid/identities') {
      return void readJson(req)
        .then((body) => v.parse(IdentityRequest, body))
        .then(({ citizenId, name }) => {
          vneid.addIdentity({ citizenId, name, note: 'thêm qua cổng điều khiển' });
          send(201);
        })
        .catch(() => send(400, { error: 'body must be { citizenId: 12 digits, name }' }));
    }
    send(404);
  });
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject);
    control.listen(ports.controlPort, '127.0.0.1', () => resolve());
  });
  const controlAddress = control.address();
  return {
    async close() {
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await Promise.allSettled([...Object.values(sinks).map((s) => s.close()), vneid.close(), payments.close(), portal.close()]);
    },
    vneidIssuer: vneid.issuer,
    paymentGatewayUrl: payments.gatewayUrl,
    einvoiceUrl: payments.einvoiceUrl,
    smtpPort,
    smsPort,
    znsPort,
    controlPort: typeof controlAddress === 'object' && controlAddress ? controlAddress.port : ports.controlPort,
    portalUrl: portal.url,
  };
}
