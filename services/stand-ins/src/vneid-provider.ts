import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { listenRestartable } from './restartable-server.js';
import { VNEID_DEMO_IDENTITIES, VNEID_DEMO_PASSWORD, type VneidIdentity } from './vneid-identities.js';

/** `fail`: every request answers 503, as an identity provider in trouble (`down` closes the port). */
export type VneidMode = 'ok' | 'fail';

export interface VneidClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** The claim that carries the CCCD number, and the scope that asks for it. */
export const CITIZEN_ID_CLAIM = 'citizen_id';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{color:#b3001b;font-size:1.4rem}label{display:block;margin-top:.8rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
.actions{display:flex;gap:.5rem;margin-top:1rem}button{padding:.6rem 1rem;font-size:1rem}.primary{background:#b3001b;color:#fff;border:0}
.note{font-size:.85rem;color:#555}.error{color:#b3001b}table{border-collapse:collapse;font-size:.85rem}td{padding:.15rem .5rem}</style>
</head><body>${body}</body></html>`;
}

function loginPage(uid: string, clientName: string, identities: VneidIdentity[], error?: string): string {
  const rows = identities.map((i) => `<tr><td>${escapeHtml(i.citizenId)}</td><td>${escapeHtml(i.name)}</td><td>${escapeHtml(i.note)}</td></tr>`).join('');
  return page(
    'VNeID (bản thử nghiệm) — Đăng nhập',
    `
<h1>VNeID — Định danh điện tử (bản thử nghiệm cục bộ)</h1>
<p>${escapeHtml(clientName)} đề nghị xác thực danh tính của bạn.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
  <label for="citizenId">Số định danh cá nhân</label>
  <input id="citizenId" name="citizenId" inputmode="numeric" autocomplete="username" required>
  <label for="password">Mật khẩu</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <div class="actions"><button class="primary" type="submit">Đăng nhập</button></div>
</form>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/abort">
  <div class="actions"><button type="submit">Từ chối</button></div>
</form>
<p class="note">Danh tính thử nghiệm (mật khẩu ${escapeHtml(VNEID_DEMO_PASSWORD)}):</p>
<table>${rows}</table>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A local stand-in for VNeID: a real OpenID Connect provider (panva's `oidc-provider`, the
 * certified implementation) with one confidential client, authorization code flow with PKCE
 * required, and the demo identities. Its own sign-in page asks for the CCCD number and password;
 * "Từ chối" answers the client with `error=access_denied`. Consent is implied for the one
 * first-party client, as with VNeID's own sign-in for government services.
 */
export async function startVneidProvider(args: { port: number; host?: string; client: VneidClient; mode?: () => VneidMode; log?: (line: string) => void }) {
  const host = args.host ?? '127.0.0.1';
  const identities = [...VNEID_DEMO_IDENTITIES];
  // Set once the provider exists (it needs the issuer, hence the port, first).
  const app: { oidc?: ReturnType<Provider['callback']> } = {};
  const listener = await listenRestartable(handle, args.port, host);
  const port = listener.port;
  const issuer = `http://${host}:${port}`;
  const accountOf = (sub: string) => identities.find((i) => i.citizenId === sub);
  // Keys live only as long as the process: the client reads them from the JWKS endpoint.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: [
      {
        client_id: args.client.clientId,
        client_secret: args.client.clientSecret,
        client_name: 'Hệ thống một cửa điện tử',
        redirect_uris: args.client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'vneid-stand-in', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', CITIZEN_ID_CLAIM],
    claims: { openid: ['sub'], profile: ['name'], [CITIZEN_ID_CLAIM]: [CITIZEN_ID_CLAIM] },
    // The ID token carries the requested claims, so the client needs no userinfo call.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    findAccount(_ctx, sub) {
      const identity = accountOf(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: identity.name, [CITIZEN_ID_CLAIM]: identity.citizenId }) };
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(`openid profile ${CITIZEN_ID_CLAIM}`);
      await grant.save();
      return grant;
    },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AuthorizationCode: 60, IdToken: 600, AccessToken: 600 },
  };
  const provider = new Provider(issuer, configuration);
  app.oidc = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return void res.writeHead(400).end();
    const clientName = 'Hệ thống một cửa điện tử';
    const html = (body: string, status = 200) => void res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    if (req.method === 'GET' && !action) return html(loginPage(uid, clientName, identities));
    if (req.method === 'POST' && action === 'abort') {
      args.log?.('VNeID stand-in: the user refused');
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Người dùng từ chối chia sẻ thông tin định danh' },
        { mergeWithLastSubmission: false },
      );
    }
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const identity = accountOf((form.get('citizenId') ?? '').trim());
      if (!identity || form.get('password') !== VNEID_DEMO_PASSWORD) {
        return html(loginPage(uid, clientName, identities, 'Số định danh hoặc mật khẩu không đúng.'), 200);
      }
      // Never the number itself in the log: the last four digits are enough to follow a demo.
      args.log?.(`VNeID stand-in: signed in ****${identity.citizenId.slice(-4)}`);
      return provider.interactionFinished(req, res, { login: { accountId: identity.citizenId } }, { mergeWithLastSubmission: false });
    }
    res.writeHead(405).end();
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const oidc = app.oidc;
    if (args.mode?.() === 'fail' || !oidc) return void req.resume().on('end', () => res.writeHead(503).end());
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(req.url ?? '');
    if (!match) return void oidc(req, res);
    interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
      if (res.headersSent) return;
      const message =
        error instanceof Error && error.name === 'SessionNotFound'
          ? 'Phiên đăng nhập đã hết hạn. Hãy quay lại trang dịch vụ và thử lại.'
          : 'Có lỗi khi đăng nhập.';
      res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' }).end(page('VNeID — Lỗi', `<h1>VNeID</h1><p class="error">${escapeHtml(message)}</p>`));
    });
  }

  return {
    port,
    issuer,
    /** A person the tests make up: signs in with the demo password like the demo identities. */
    addIdentity(identity: VneidIdentity) {
      if (!accountOf(identity.citizenId)) identities.push(identity);
    },
    /** `down` closes the port (connections are refused) and keeps who is known; `up` reopens it. */
    setDown: (down: boolean) => listener.setDown(down),
    close: () => listener.close(),
  };
}
export type VneidProvider = Awaited<ReturnType<typeof startVneidProvider>>;
