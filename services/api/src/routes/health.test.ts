import { startTcpProxy, type TcpProxy } from '@gov/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import type { Health } from './health.js';

/**
 * PostgreSQL and Temporal are reached through loopback proxies that the test can cut, so "down"
 * is a real refused connection without stopping the machine's shared servers.
 */
let dbProxy: TcpProxy;
let temporalProxy: TcpProxy;
let close: () => Promise<void>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const dbUrl = new URL(inject('databaseUrl'));
  const [temporalHost, temporalPort] = inject('temporalAddress').split(':');
  dbProxy = await startTcpProxy({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
  temporalProxy = await startTcpProxy({ host: temporalHost ?? '127.0.0.1', port: Number(temporalPort) });
  dbUrl.port = String(dbProxy.port);
  const test = createTestDeps({ databaseUrl: dbUrl.toString(), temporalAddress: temporalProxy.address });
  close = test.close;
  app = createApp(test.deps);
});

afterAll(async () => {
  await close();
  await Promise.all([dbProxy.close(), temporalProxy.close()]);
});

async function health(path = '/healthz') {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as Health };
}

/** Polls until the status matches: reconnection after an outage takes a moment, not a fixed sleep. */
async function until(status: number) {
  const deadline = Date.now() + 20_000;
  let last = await health();
  while (last.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await health();
  }
  return last;
}

describe('GET /healthz, /readyz and /livez', () => {
  it('is 200 when PostgreSQL and Temporal answer', async () => {
    const { status, body } = await until(200);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', checks: { database: { ok: true }, temporal: { ok: true } } });
  });

  it('reports PostgreSQL down with 503, and recovers when it returns', async () => {
    await dbProxy.cut();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({ database: { ok: false }, temporal: { ok: true } });
    const ready = await health('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ database: { ok: false } });
    // Liveness does not depend on PostgreSQL: an orchestrator must not restart the API for it.
    const live = await app.request('/livez');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    await dbProxy.restore();
    expect((await until(200)).status).toBe(200);
  });

  it('reports Temporal down with 503, and recovers when it returns', async () => {
    await temporalProxy.cut();
    const down = await until(503);
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({ database: { ok: true }, temporal: { ok: false } });
    expect((await health('/readyz')).status).toBe(503);
    await temporalProxy.restore();
    expect((await until(200)).status).toBe(200);
  });
});
