import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as v from 'valibot';

const Instant = v.pipe(v.string(), v.isoTimestamp());
/** The body of `POST /api/dossiers/sync`, as the real portal checks it. */
const SyncBody = v.object({
  dossier_code: v.pipe(v.string(), v.minLength(1)),
  procedure_code: v.pipe(v.string(), v.minLength(1)),
  province_code: v.pipe(v.string(), v.minLength(1)),
  unit_code: v.pipe(v.string(), v.minLength(1)),
  received_at: Instant,
  due_at: v.nullable(Instant),
  status: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  channel: v.picklist(['online', 'in_person', 'postal', 'proxy']),
  applicant_name: v.pipe(v.string(), v.minLength(1)),
  finished_at: v.nullable(Instant),
  returned_at: v.nullable(Instant),
  updated_at: Instant,
});
export type PortalSync = v.InferOutput<typeof SyncBody>;

/** One sync the stand-in accepted, in the order it arrived. */
export interface ReceivedPortalSync extends PortalSync {
  receivedAt: string;
}

/** `fail`: every call answers the portal's "busy, try again" error code (`down` closes the port: `setDown`). */
export type PortalMode = 'ok' | 'fail';

const TOKEN_SECONDS = 3600;
/** The portal's answer codes this stand-in uses (0 is success). */
const ERROR = { badKey: 401, badToken: 403, invalid: 2, busy: 99 } as const;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A local stand-in for the national public-service portal's dossier-sync API
 * (docs/domain/national-portal-sync.md): `POST /api/auth/token` gives a province a bearer token
 * for its API key, `POST /api/dossiers/sync` records a dossier's record and answers
 * `{ error_code: 0 }`, `POST /api/dossiers/lookup` answers what it holds. Every accepted sync is
 * kept in arrival order (`received`, read through the control port); `view` is the latest record per dossier,
 * which is what the real portal shows.
 */
export async function startNationalPortal(args: { port: number; apiKey: string; host?: string; mode?: () => PortalMode; onSync?: (s: PortalSync) => void }) {
  const received: ReceivedPortalSync[] = [];
  const view = new Map<string, ReceivedPortalSync>();
  const tokens = new Map<string, { provinceCode: string; expiresAt: number }>();
  const key = (provinceCode: string, dossierCode: string) => `${provinceCode}/${dossierCode}`;

  function province(req: IncomingMessage): string | undefined {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const held = token ? tokens.get(token) : undefined;
    return held && held.expiresAt > Date.now() ? held.provinceCode : undefined;
  }

  async function handle(req: IncomingMessage, send: (status: number, body: unknown) => void) {
    if (req.method !== 'POST') return send(404, { error_code: 404, message: 'Not found' });
    const body = await readJson(req).catch(() => undefined);
    if (args.mode?.() === 'fail') return send(200, { error_code: ERROR.busy, message: 'Hệ thống đang bận, vui lòng thử lại sau' });
    if (req.url === '/api/auth/token') {
      const ask = v.safeParse(v.object({ province_code: v.string(), api_key: v.string() }), body);
      if (!ask.success || ask.output.api_key !== args.apiKey) return send(200, { error_code: ERROR.badKey, message: 'Sai thông tin xác thực' });
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, { provinceCode: ask.output.province_code, expiresAt: Date.now() + TOKEN_SECONDS * 1000 });
      return send(200, { error_code: 0, access_token: token, expires_in: TOKEN_SECONDS });
    }
    const provinceCode = province(req);
    if (!provinceCode) return send(401, { error_code: ERROR.badToken, message: 'Token không hợp lệ hoặc đã hết hạn' });
    if (req.url === '/api/dossiers/sync') {
      const sync = v.safeParse(SyncBody, body);
      if (!sync.success) return send(200, { error_code: ERROR.invalid, message: `Dữ liệu không hợp lệ: ${sync.issues[0].message}` });
      if (sync.output.province_code !== provinceCode) return send(200, { error_code: ERROR.badToken, message: 'Hồ sơ không thuộc tỉnh của token' });
      const record = { ...sync.output, receivedAt: new Date().toISOString() };
      received.push(record);
      view.set(key(provinceCode, record.dossier_code), record);
      args.onSync?.(sync.output);
      return send(200, { error_code: 0, message: 'Thành công' });
    }
    if (req.url === '/api/dossiers/lookup') {
      const ask = v.safeParse(v.object({ dossier_codes: v.array(v.string()) }), body);
      if (!ask.success) return send(200, { error_code: ERROR.invalid, message: 'Dữ liệu không hợp lệ' });
      const dossiers = ask.output.dossier_codes.flatMap((code) => {
        const held = view.get(key(provinceCode, code));
        return held ? [{ dossier_code: code, status: held.status, updated_at: held.updated_at }] : [];
      });
      return send(200, { error_code: 0, dossiers });
    }
    send(404, { error_code: 404, message: 'Not found' });
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    handle(req, send).catch(() => send(500, { error_code: 500, message: 'Lỗi hệ thống' }));
  };
  async function listen(port: number): Promise<Server> {
    const server = createServer(listener);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, args.host ?? '127.0.0.1', () => resolve());
    });
    return server;
  }
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  let server: Server | undefined = await listen(args.port);
  const address = server.address();
  // The port the system picked when asked for 0: going down and up again keeps it.
  const port = typeof address === 'object' && address ? address.port : args.port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    /** The portal's current record per dossier (its latest sync), keyed `province/dossier code`. */
    view: () => Object.fromEntries(view),
    /** Down: the port is closed, so connections are refused; what it holds stays. */
    async setDown(down: boolean) {
      if (down && server) {
        const closing = server;
        server = undefined;
        await close(closing);
      } else if (!down && !server) {
        server = await listen(port);
      }
    },
    close: () => (server ? close(server) : Promise.resolve()),
  };
}
export type NationalPortalStandIn = Awaited<ReturnType<typeof startNationalPortal>>;
