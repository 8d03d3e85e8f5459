import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * The client's address, for rate limits, lockouts, auth events and the session list.
 *
 * With no trusted proxy (the default) it is the TCP peer, and `X-Forwarded-For` is ignored: a
 * client could write anything there. Behind `hops` proxies that each append their peer to
 * `X-Forwarded-For`, the client is the entry `hops` places from the right: entries further left
 * were written by the client and are never believed. A request with fewer entries did not pass
 * through every proxy, so its peer address is used (fail closed: it can only share a limit with
 * others, never escape one).
 */
export function clientAddress(hops: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const peer = peerAddress(c);
    let address = peer;
    if (hops > 0) {
      const chain = (c.req.header('X-Forwarded-For') ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0);
      if (chain.length >= hops) address = chain[chain.length - hops]!;
    }
    c.set('clientAddress', address.slice(0, 100));
    await next();
  };
}

function peerAddress(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  // app.request() (tests, the in-process benches) has no Node request: asked first, because
  // letting getConnInfo throw cost more CPU than the rest of this middleware chain together.
  const env = c.env as { incoming?: unknown; server?: unknown } | undefined;
  if (!env?.incoming && !env?.server) return 'in-process';
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
