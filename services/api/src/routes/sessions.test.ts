import { randomUUID } from 'node:crypto';
import { schema } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { problemCode } from '../testing/problem.js';
import { buildTenantWorld, connEnv, PASSWORD, type Session, type TenantWorld } from '../testing/world.js';

// Two apps on two connection pools stand for two API processes behind one balancer.
const first = createTestDeps();
const second = createTestDeps();
const app = createApp(first.deps);
const otherProcess = createApp(second.deps);
const behindProxy = createApp({ ...first.deps, trustedProxyHops: 1 });
let world: TenantWorld;

beforeAll(async () => {
  world = await buildTenantWorld(first.deps.db, first.deps.sql, inject('ownerDatabaseUrl'));
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});

type App = ReturnType<typeof createApp>;
interface SessionRow {
  id: string;
  userAgent: string | null;
  ip: string | null;
  lastSeenAt: string;
  current: boolean;
}

async function signInFrom(target: App, login: string, device: { userAgent: string; peer: string; forwardedFor?: string }): Promise<Session & { id: string }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': device.userAgent };
  if (device.forwardedFor) headers['X-Forwarded-For'] = device.forwardedFor;
  const response = await target.request(
    '/api/auth/login',
    { method: 'POST', headers, body: JSON.stringify({ login, password: PASSWORD }) },
    connEnv(device.peer),
  );
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken, id: cookie.replace('gov_session=', '').split('.')[0]! };
}

const listSessions = async (session: Session) => {
  const response = await app.request('/api/auth/sessions', { headers: { Cookie: session.cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as SessionRow[];
};
const endSession = (session: Session, id: string) =>
  app.request(`/api/auth/sessions/${id}`, { method: 'DELETE', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } }, connEnv('203.0.113.30'));
const me = (session: Session) => app.request('/api/auth/me', { headers: { Cookie: session.cookie } });

describe('active sessions', () => {
  it('lists your sessions with device, address and which one is this, and ends a lost one', async () => {
    const laptop = await signInFrom(app, world.logins.specialist, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', peer: '203.0.113.51' });
    const phone = await signInFrom(app, world.logins.specialist, { userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile', peer: '203.0.113.52' });

    const seen = await listSessions(laptop);
    expect(seen.map((s) => s.id).sort()).toEqual([laptop.id, phone.id].sort());
    const [here, there] = [seen.find((s) => s.id === laptop.id), seen.find((s) => s.id === phone.id)];
    expect(here).toMatchObject({ current: true, ip: '203.0.113.51' });
    expect(here?.userAgent).toContain('Firefox');
    expect(there).toMatchObject({ current: false, ip: '203.0.113.52' });
    expect(there?.userAgent).toContain('Android');

    expect((await endSession(laptop, phone.id)).status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(200);
    expect((await listSessions(laptop)).map((s) => s.id)).toEqual([laptop.id]);
    const [user] = await first.deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, world.logins.specialist));
    const events = await first.deps.db
      .select()
      .from(schema.authEvents)
      .where(and(eq(schema.authEvents.userId, user!.id), eq(schema.authEvents.kind, 'session_ended')));
    expect(events).toHaveLength(1);
  });

  it("cannot see or end someone else's session: it is not found, and it keeps working", async () => {
    const mine = await signInFrom(app, world.logins.leader, { userAgent: 'test', peer: '203.0.113.53' });
    const theirs = await signInFrom(app, world.logins.result_clerk, { userAgent: 'test', peer: '203.0.113.54' });
    expect((await listSessions(mine)).map((s) => s.id)).not.toContain(theirs.id);
    const refused = await endSession(mine, theirs.id);
    expect(refused.status).toBe(404);
    expect((await me(theirs)).status).toBe(200);
  });

  it('ending the current session signs you out; a malformed id is a 400', async () => {
    const session = await signInFrom(app, world.logins.leader, { userAgent: 'test', peer: '203.0.113.55' });
    expect(await problemCode(await endSession(session, 'not-a-session'))).toBe('invalid');
    const ended = await endSession(session, session.id);
    expect(ended.status).toBe(204);
    expect(ended.headers.get('Set-Cookie')).toMatch(/^gov_session=;/);
    expect((await me(session)).status).toBe(401);
  });

  it('is not listed without signing in', async () => {
    expect(await problemCode(await app.request('/api/auth/sessions'))).toBe('unauthenticated');
  });
});

describe('client address behind a reverse proxy', () => {
  const addressOf = async (session: { id: string }) => {
    const [row] = await first.deps.db.select({ ip: schema.sessions.ip }).from(schema.sessions).where(eq(schema.sessions.id, session.id));
    return row?.ip;
  };

  it('believes no X-Forwarded-For unless proxies are configured', async () => {
    const session = await signInFrom(app, world.logins.leader, { userAgent: 'test', peer: '203.0.113.60', forwardedFor: '192.0.2.66' });
    expect(await addressOf(session)).toBe('203.0.113.60');
  });

  it('behind one proxy, takes the entry that proxy appended, never what the client wrote before it', async () => {
    const spoofed = await signInFrom(behindProxy, world.logins.leader, { userAgent: 'test', peer: '10.0.0.2', forwardedFor: '192.0.2.66, 198.51.100.77' });
    expect(await addressOf(spoofed)).toBe('198.51.100.77');
    // A request that reached the API without passing the proxy: its peer is all we know.
    const direct = await signInFrom(behindProxy, world.logins.leader, { userAgent: 'test', peer: '10.0.0.3' });
    expect(await addressOf(direct)).toBe('10.0.0.3');
  });
});

describe('rate limits across API processes', () => {
  it('counts one address on every process: the 31st status lookup within a minute is refused with Retry-After', async () => {
    const peer = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const lookup = (target: App) =>
      target.request(`/api/public/dossier-status?tenantId=${world.tenantId}&code=${randomUUID().slice(0, 8)}&idSuffix=1234`, {}, connEnv(peer));
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await lookup(i % 2 === 0 ? app : otherProcess)).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const refused = await lookup(otherProcess);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
  });
});
