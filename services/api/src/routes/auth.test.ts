import { randomUUID } from 'node:crypto';
import { schema } from '@gov/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { acceptInvitation } from '../testing/account-codes.js';
import { buildTenantWorld, call, connEnv, PASSWORD, signIn, type TenantWorld } from '../testing/world.js';
import { problemDetail } from '../testing/problem.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
});
afterAll(close);

const login = (name: string, password: string, ip: string) =>
  app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: name, password }) },
    connEnv(ip),
  );

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite session cookie and serves /me with packed rules', async () => {
    const response = await login(world.logins.specialist, PASSWORD, '198.51.100.1');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^gov_session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('token');
    const me = await app.request('/api/auth/me', { headers: { Cookie: cookie.split(';')[0]! } });
    const meBody = (await me.json()) as { user: { kind: string }; rules: unknown[] };
    expect(me.status).toBe(200);
    expect(meBody.user.kind).toBe('officer');
    expect(meBody.rules.length).toBeGreaterThan(0);
  });

  it('stores only a hash of the session secret', async () => {
    const session = await signIn(app, world.logins.leader);
    const [id, secret] = session.cookie.replace('gov_session=', '').split('.');
    const [row] = await deps.db.select().from(schema.sessions).where(eq(schema.sessions.id, id!));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.secretHash).not.toContain(secret!);
  });

  it('refuses a wrong password with a Vietnamese message and records the failure', async () => {
    const response = await login(world.logins.leader, 'sai-mat-khau-1', '198.51.100.2');
    expect(response.status).toBe(401);
    expect(await problemDetail(response)).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    const events = await deps.db.select().from(schema.authEvents).where(eq(schema.authEvents.login, world.logins.leader));
    expect(events.map((e) => e.kind)).toContain('login_failed');
    expect(JSON.stringify(events)).not.toContain('sai-mat-khau-1');
  });

  it('locks an account after 5 failures, even with the right password, and says when to retry', async () => {
    const ip = `198.51.100.${10 + Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 5; i += 1) expect((await login(world.logins.result_clerk, `wrong-${i}`, ip)).status).toBe(401);
    const locked = await login(world.logins.result_clerk, PASSWORD, `192.0.2.${Math.floor(Math.random() * 250)}`);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('Retry-After'))).toBeLessThanOrEqual(15 * 60);
    expect(await problemDetail(locked)).toMatch(/thử lại sau \d+ phút/);
  });

  it('ignores a session id planted before login (no fixation): login always issues a new one', async () => {
    const planted = `gov_session=${'a'.repeat(24)}.${'b'.repeat(24)}`;
    const response = await app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: planted },
        body: JSON.stringify({ login: world.logins.specialist, password: PASSWORD }),
      },
      connEnv('198.51.100.3'),
    );
    expect(response.headers.get('Set-Cookie')).not.toContain('a'.repeat(24));
    expect((await app.request('/api/auth/me', { headers: { Cookie: planted } })).status).toBe(401);
  });

  it('rejects an expired session', async () => {
    const session = await signIn(app, world.logins.specialist);
    const id = session.cookie.replace('gov_session=', '').split('.')[0]!;
    await deps.db
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.sessions.id, id));
    expect((await call(app, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const session = await signIn(app, world.logins.specialist);
    expect((await call(app, session, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call(app, session, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('revokes the sessions of an officer whose roles change or whose password is reset', async () => {
    const admin = await signIn(app, world.logins.province_admin);
    const officer = await signIn(app, world.logins.reception_officer);
    const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.login, world.logins.reception_officer));
    const granted = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/role-assignments`, {
      userId: user!.id,
      role: 'specialist',
      orgUnitId: world.wardId,
      reason: 'Bổ sung nhiệm vụ',
    });
    expect(granted.status).toBe(201);
    expect((await call(app, officer, 'GET', '/api/auth/me')).status).toBe(401);
    const again = await signIn(app, world.logins.reception_officer);
    const reset = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users/${user!.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await call(app, again, 'GET', '/api/auth/me')).status).toBe(401);
    await acceptInvitation(app, deps.db, world.logins.reception_officer, 'MatKhauMoi2026');
    await signIn(app, world.logins.reception_officer, '198.51.100.4', 'MatKhauMoi2026');
  });
});

describe('CSRF protection for cookie-authenticated writes', () => {
  it('refuses a write without the session’s CSRF token, and accepts it with the token', async () => {
    const admin = await signIn(app, world.logins.province_admin);
    const body = JSON.stringify({ parentId: world.rootId, code: `CSRF-${randomUUID().slice(0, 4)}`, name: 'Phòng thử', kind: 'office' });
    const path = `/api/tenants/${world.tenantId}/org-units`;
    const without = await app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: admin.cookie }, body });
    expect(without.status).toBe(403);
    const forged = await app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: admin.cookie, 'X-CSRF-Token': '0'.repeat(64) },
      body,
    });
    expect(forged.status).toBe(403);
    const withToken = await app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf },
      body,
    });
    expect(withToken.status).toBe(201);
  });
});
