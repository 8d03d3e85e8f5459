import { randomInt, randomUUID } from 'node:crypto';
import { schema } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { hashPassword } from '@gov/core';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { acceptInvitation } from '../testing/account-codes.js';
import { buildTenantWorld, call, connEnv, PASSWORD, signIn, type Session, type TenantWorld } from '../testing/world.js';
import { problemCode, problemDetail, readProblem } from '../testing/problem.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
});
afterAll(close);

/** An address of its own per test: the per-address lockout must not leak between tests or runs. */
const someIp = () => `198.18.${randomInt(0, 255)}.${randomInt(1, 255)}`;

/** POST /api/auth/password as the browser sends it (cookie + CSRF token) from `ip`. */
const changePassword = (session: Session, body: unknown, ip = someIp()) =>
  app.request(
    '/api/auth/password',
    { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf }, body: JSON.stringify(body) },
    connEnv(ip),
  );

const login = (name: string, password: string, ip = someIp()) =>
  app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: name, password }) },
    connEnv(ip),
  );

const userOf = async (name: string) => (await deps.db.select().from(schema.users).where(eq(schema.users.login, name)))[0]!;
const me = async (session: Session) => (await call(app, session, 'GET', '/api/auth/me')).json() as Promise<{ passwordChangeRequired: boolean }>;

describe('changing your own password', () => {
  it('replaces the password, ends the other sessions, keeps this one, and records the change', async () => {
    const name = world.logins.specialist;
    const here = await signIn(app, name, someIp());
    const elsewhere = await signIn(app, name, someIp());
    const response = await changePassword(here, { currentPassword: PASSWORD, newPassword: 'MatKhauRieng2026' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ passwordChangeRequired: false });
    expect((await call(app, here, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await call(app, elsewhere, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login(name, PASSWORD)).status).toBe(401);
    expect((await login(name, 'MatKhauRieng2026')).status).toBe(200);
    const user = await userOf(name);
    const events = await deps.db
      .select()
      .from(schema.authEvents)
      .where(and(eq(schema.authEvents.userId, user.id), eq(schema.authEvents.kind, 'password_changed')));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('MatKhauRieng2026');
  });

  it('refuses a wrong current password, counts it as a failed sign-in, and locks the account after 5', async () => {
    const name = world.logins.leader;
    const session = await signIn(app, name, someIp());
    for (let i = 0; i < 5; i += 1) {
      const wrong = await changePassword(session, { currentPassword: `sai-mat-khau-${i}`, newPassword: 'MatKhauRieng2026' });
      expect(wrong.status).toBe(400);
      const body = await readProblem(wrong);
      expect(body.detail).toBe('Mật khẩu hiện tại không đúng.');
      expect(body.errors?.[0]?.field).toBe('currentPassword');
    }
    const failures = await deps.db
      .select()
      .from(schema.loginAttempts)
      .where(and(eq(schema.loginAttempts.login, name), eq(schema.loginAttempts.succeeded, false)));
    expect(failures).toHaveLength(5);
    // Locked here and at sign-in alike, even with the right password, from any address.
    const locked = await changePassword(session, { currentPassword: PASSWORD, newPassword: 'MatKhauRieng2026' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await problemDetail(locked)).toMatch(/thử lại sau \d+ phút/);
    const signInLocked = await login(name, PASSWORD);
    expect(signInLocked.status).toBe(429);
    expect(await problemDetail(signInLocked)).toMatch(/thử lại sau \d+ phút/);
    const user = await userOf(name);
    const kinds = (await deps.db.select().from(schema.authEvents).where(eq(schema.authEvents.userId, user.id))).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'login_failed')).toHaveLength(5);
    expect(kinds).not.toContain('password_changed');
  });

  it('applies the password rule, and refuses the current password as the new one', async () => {
    const name = world.logins.result_clerk;
    const session = await signIn(app, name, someIp());
    const before = (await userOf(name)).passwordHash;
    const cases = [
      { newPassword: 'Ngan1', problem: 'Mật khẩu tối thiểu 10 ký tự' },
      { newPassword: 'chi-co-chu-cai', problem: 'Mật khẩu cần có cả chữ và số' },
      { newPassword: PASSWORD, problem: 'Mật khẩu mới phải khác mật khẩu hiện tại' },
    ];
    for (const { newPassword, problem } of cases) {
      const response = await changePassword(session, { currentPassword: PASSWORD, newPassword });
      expect(response.status).toBe(400);
      const body = await readProblem(response);
      expect(body.errors).toContainEqual({ pointer: '#/newPassword', field: 'newPassword', detail: problem });
    }
    expect((await userOf(name)).passwordHash).toBe(before);
  });

  it('needs the session’s CSRF token when the cookie carries the session', async () => {
    const name = world.logins.unit_admin;
    const session = await signIn(app, name, someIp());
    const body = JSON.stringify({ currentPassword: PASSWORD, newPassword: 'MatKhauRieng2026' });
    const without = await app.request(
      '/api/auth/password',
      { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session.cookie }, body },
      connEnv(someIp()),
    );
    expect(without.status).toBe(403);
    const forged = await app.request(
      '/api/auth/password',
      { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': 'f'.repeat(64) }, body },
      connEnv(someIp()),
    );
    expect(forged.status).toBe(403);
    expect((await login(name, PASSWORD)).status).toBe(200);
    expect((await call(app, null, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'MatKhauRieng2026' })).status).toBe(401);
  });
});

describe('a password someone else chose must be changed at the next sign-in', () => {
  it('opens nothing but /me, sign-out and the change until the officer picks their own password', async () => {
    // Admins no longer choose passwords (they send codes); accounts whose password an admin set
    // before that still carry the flag, written here directly.
    const name = world.logins.reception_officer;
    const officer = await userOf(name);
    expect(officer.passwordChangeRequired).toBe(false);
    await deps.db
      .update(schema.users)
      .set({ passwordHash: await hashPassword('MatKhauCap2026'), passwordChangeRequired: true })
      .where(eq(schema.users.id, officer.id));

    const signedIn = await login(name, 'MatKhauCap2026');
    expect(signedIn.status).toBe(200);
    expect(await signedIn.clone().json()).toMatchObject({ passwordChangeRequired: true });
    const session = await signIn(app, name, someIp(), 'MatKhauCap2026');
    expect(await me(session)).toMatchObject({ passwordChangeRequired: true });

    // Every other route of the app, read from the router, whatever its method and parameters.
    // Signing in afresh (with a password or with VNeID) replaces the session, so it stays open.
    const open = new Set([
      'GET /api/auth/me',
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'POST /api/auth/login',
      'GET /api/auth/vneid/start',
      'GET /api/auth/vneid/callback',
    ]);
    const routes = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !open.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(30);
    const refusals: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+\??/g, randomUUID());
      const response = await call(app, session, route.method, path, route.method === 'GET' ? undefined : {});
      const code = await problemCode(response).catch(() => null);
      if (response.status !== 403 || code !== 'password_change_required') refusals.push(`${route.method} ${route.path}: ${response.status} ${code}`);
    }
    expect(refusals).toEqual([]);
    const inbox = await call(app, session, 'GET', `/api/tenants/${world.tenantId}/inbox`);
    expect(await problemDetail(inbox)).toBe('Mật khẩu của bạn do quản trị viên đặt. Hãy đổi mật khẩu trước khi tiếp tục.');

    expect((await changePassword(session, { currentPassword: 'MatKhauCap2026', newPassword: 'MatKhauRieng2026' })).status).toBe(200);
    expect((await userOf(name)).passwordChangeRequired).toBe(false);
    expect(await me(session)).toMatchObject({ passwordChangeRequired: false });
    expect((await call(app, session, 'GET', `/api/tenants/${world.tenantId}/inbox`)).status).toBe(200);
    expect((await call(app, session, 'POST', '/api/auth/logout')).status).toBe(204);
  });

  it('does not hold for an invited officer, who chose their own password with the invitation code', async () => {
    const admin = await signIn(app, world.logins.province_admin, someIp());
    const name = `moi-${randomUUID().slice(0, 8)}`;
    const created = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users`, {
      login: name,
      fullName: 'Đỗ Văn Mới',
      citizenId: '001199005679',
      position: 'Chuyên viên',
      phone: '0912000222',
      email: 'moi@example.gov.vn',
      orgUnitId: world.wardId,
    });
    expect(created.status).toBe(201);
    await acceptInvitation(app, deps.db, name, 'MatKhauRieng2026');
    expect(await (await login(name, 'MatKhauRieng2026')).json()).toMatchObject({ passwordChangeRequired: false });
    const session = await signIn(app, name, someIp(), 'MatKhauRieng2026');
    expect((await call(app, session, 'GET', '/api/provinces')).status).toBe(200);
  });
});
