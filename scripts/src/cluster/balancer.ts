import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { ConfigError } from '@gov/runtime';

export interface Backend {
  /** `http://127.0.0.1:<port>` of one API process. */
  url: string;
  healthy: boolean;
}

export interface Balancer {
  url: string;
  backends: readonly Backend[];
  /** Runs one round of health checks now (tests use it instead of waiting for the interval). */
  checkNow(): Promise<void>;
  close(): Promise<void>;
}

export interface BalancerOptions {
  host: string;
  port: number;
  backends: string[];
  /** Probed on every backend; a 200 puts it in rotation. The API's liveness, not its readiness: see below. */
  healthPath?: string;
  intervalMs?: number;
  log?: (line: string) => void;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The local load balancer of the cluster topology: round robin over the API processes that pass
 * their health check, the client's address appended to `X-Forwarded-For` (the APIs run with
 * TRUSTED_PROXY_HOPS=1).
 *
 * Health is the API's `/livez`, not `/readyz`: when PostgreSQL or Temporal is down every API is
 * unready alike, and taking them all out of rotation would turn a degraded platform (reads and
 * submissions through the outbox still work without Temporal) into a dead one.
 *
 * A request moves to another backend only when nothing of it can have reached the first: the
 * connection was refused (a process that died between two checks), or it is a read. A write
 * whose connection broke after it was sent answers 502; the client retries it, and the API's
 * `Idempotency-Key` keeps a submission from being filed twice.
 */
export async function startBalancer(o: BalancerOptions): Promise<Balancer> {
  const backends: Backend[] = o.backends.map((url) => ({ url, healthy: false }));
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const healthPath = o.healthPath ?? '/livez';
  let next = 0;

  const probe = async (backend: Backend) => {
    const was = backend.healthy;
    try {
      const response = await fetch(`${backend.url}${healthPath}`, { signal: AbortSignal.timeout(2000) });
      backend.healthy = response.ok;
    } catch {
      backend.healthy = false;
    }
    if (was !== backend.healthy) o.log?.(`${backend.url} ${backend.healthy ? 'in rotation' : 'out of rotation'}`);
  };
  const checkNow = async () => {
    await Promise.all(backends.map(probe));
  };

  const pick = (tried: Set<Backend>): Backend | undefined => {
    const candidates = backends.filter((b) => b.healthy && !tried.has(b));
    if (candidates.length === 0) return undefined;
    next = (next + 1) % candidates.length;
    return candidates[next];
  };

  const forward = (req: IncomingMessage, res: ServerResponse, tried: Set<Backend>) => {
    const backend = pick(tried);
    if (!backend) return unavailable(req, res);
    tried.add(backend);
    const target = new URL(backend.url);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      agent,
      headers: { ...req.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http', 'x-forwarded-host': req.headers.host ?? '' },
    });
    let sent = false;
    const send = () => {
      sent = true;
      req.pipe(upstream);
    };
    upstream.on('socket', (socket) => (socket.connecting ? socket.once('connect', send) : send()));
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      if (!sent) backend.healthy = false; // refused: it is gone, stop sending it traffic until it passes a check
      if (!sent || IDEMPOTENT.has(req.method ?? '')) return forward(req, res, tried);
      badGateway(req, res);
    });
  };

  const server = createServer((req, res) => forward(req, res, new Set()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(
              `port ${o.port} on ${o.host} is taken (another \`npm start\` or \`npm run start:cluster\`?): stop it, or set CLUSTER_PORT to a free port.`,
            )
          : error,
      ),
    );
    server.listen(o.port, o.host, () => resolve());
  });
  await checkNow();
  const timer = setInterval(() => void checkNow(), o.intervalMs ?? 1000);
  return {
    url: `http://${o.host}:${o.port}`,
    backends,
    checkNow,
    close: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/**
 * An RFC 9457 problem like the API's own (docs/api/errors.md), of its registered kind
 * `upstream_unavailable`, for the two answers the balancer makes itself.
 */
function problem(req: IncomingMessage, res: ServerResponse, status: 502 | 503, detail: { vi: string; en: string }) {
  const title = { vi: 'Hệ thống bên ngoài không phản hồi', en: 'Outside system unavailable' };
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...(status === 503 ? { 'Retry-After': '1' } : {}) });
  res.end(
    JSON.stringify({
      type: 'urn:gov-one-stop:problem:upstream-unavailable',
      title: title.vi,
      status,
      detail: detail.vi,
      instance: req.url,
      code: 'upstream_unavailable',
      translations: { vi: { title: title.vi, detail: detail.vi }, en: { title: title.en, detail: detail.en } },
    }),
  );
}

const unavailable = (req: IncomingMessage, res: ServerResponse) =>
  problem(req, res, 503, {
    vi: 'Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau ít giây.',
    en: 'No API process is available; try again in a few seconds.',
  });

const badGateway = (req: IncomingMessage, res: ServerResponse) =>
  problem(req, res, 502, {
    vi: 'Máy chủ xử lý bị gián đoạn khi đang nhận yêu cầu; vui lòng gửi lại.',
    en: 'The API process stopped while handling the request; send it again.',
  });
