import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A named dependency check for /readyz; resolves true when the dependency answers. */
export type ReadinessChecks = Record<string, () => Promise<boolean>>;

export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: Record<string, { ok: boolean; ms: number }>;
}

/** Runs every check at once; ready only when all answer. */
export async function checkReadiness(checks: ReadinessChecks): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const started = performance.now();
      const ok = await check().catch(() => false);
      return [name, { ok, ms: Math.round(performance.now() - started) }] as const;
    }),
  );
  return { status: entries.every(([, c]) => c.ok) ? 'ok' : 'unavailable', checks: Object.fromEntries(entries) };
}

export interface OpsServerArgs {
  host: string;
  port: number;
  registry: Registry;
  checks: ReadinessChecks;
  /** More Prometheus text appended to /metrics (the Temporal runtime's own metrics). */
  extraMetrics?: () => Promise<string>;
}

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function handle(a: OpsServerArgs, req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://ops').pathname;
  if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
  switch (path) {
    case '/livez':
      return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
    case '/readyz': {
      const readiness = await checkReadiness(a.checks);
      return send(res, readiness.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(readiness));
    }
    case '/metrics': {
      const own = await a.registry.metrics();
      const extra = a.extraMetrics ? await a.extraMetrics().catch(() => '') : '';
      return send(res, 200, a.registry.contentType, extra ? `${own}\n${extra}` : own);
    }
    default:
      return send(res, 404, 'text/plain', 'not found');
  }
}

/**
 * The operations listener: /livez, /readyz and /metrics on a port of their own, bound to an
 * internal address, so metrics never share the public listener (docs/operations/observability.md).
 */
export function startOpsServer(a: OpsServerArgs): Promise<OpsServer> {
  const server = createServer((req, res) => {
    handle(a, req, res).catch(() => send(res, 500, 'text/plain', 'internal error'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(a.port, a.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = a.host.includes(':') ? `[${a.host}]` : a.host;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
