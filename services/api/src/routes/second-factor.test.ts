import { randomInt, randomUUID } from 'node:crypto';
import { hashPassword, resetMinistryAdminFactor } from '@gov/core';
import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { freshCode, recoveryCodesOf, totpCodeAt } from '../testing/authenticators.js';
import { problemCode, problemDetail, readProblem } from '../testing/problem.js';
import { buildTenantWorld, connEnv, createGlobalUser, PASSWORD, signIn, type Session, type TenantWorld } from '../testing/world.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
});
afterAll(close);

/** An address of its own per test: the per-address lockout must not leak between tests or runs. */
const someIp = () => `198.19.${randomInt(0, 255)}.${randomInt(1, 255)}`;

/** A request as the browser sends it (cookie, and the CSRF token on writes), from `ip`. */
const send = (session: Session | null, method: string, path: string, body?: unknown, ip = someIp()) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (session) {
    headers.Cookie = session.cookie;
    if (method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
  }
  return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, connEnv(ip));
};

/** The password step only: the session it opens and what the answer says is next. */
async function passwordOnly(login: string, ip = someIp()) {
  const response = await send(null, 'POST', '/api/auth/login', { login, password: PASSWORD }, ip);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { userId: string; csrfToken: string; secondFactor: 'enrol' | 'verify' | null };
  const session = { cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
  return { session, userId: body.userId, secondFactor: body.secondFactor };
}

const userIdOf = async (login: string) => (await deps.db.select().from(schema.users).where(eq(schema.users.login, login)))[0]!.id;

/** Another officer of the world's province holding `role` at the root (province admin) or the ward. */
async function addOfficer(role: 'province_admin' | 'unit_admin') {
  const login = `${role}-${randomUUID().slice(0, 8)}`;
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(deps.sql, world.tenantId, async (tx) => {
    const orgUnitId = role === 'province_admin' ? world.rootId : world.wardId;
    const [user] = await tx.insert(schema.users).values({ login, passwordHash, kind: 'officer', homeTenantId: world.tenantId, displayName: role }).returning();
    await tx
      .insert(schema.tenantUsers)
      .values({ tenantId: world.tenantId, userId: user!.id, fullName: `Cán bộ ${role}`, citizenId: '001099012346', orgUnitId });
    await tx.insert(schema.roleAssignments).values({ tenantId: world.tenantId, userId: user!.id, role, orgUnitId, reason: 'second-factor test' });
  });
  return login;
}

describe('a pending administrator session', () => {
  it('answers only the second-factor routes, /me and signing in or out, until the factor is passed', async () => {
    const login = await addOfficer('unit_admin');
    const { session, secondFactor } = await passwordOnly(login);
    expect(secondFactor).toBe('enrol');
    const me = await send(session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ secondFactor: 'enrol' });
    expect(await (await send(session, 'GET', '/api/auth/second-factor')).json()).toEqual({
      required: true,
      enrolled: false,
      verified: false,
      recoveryCodesLeft: 0,
    });

    // Every other route of the app, read from the router, whatever its method and parameters.
    const open = new Set([
      'GET /api/auth/me',
      'POST /api/auth/logout',
      'POST /api/auth/login',
      'GET /api/auth/vneid/start',
      'GET /api/auth/vneid/callback',
      'GET /api/auth/second-factor',
      'POST /api/auth/second-factor/enrol',
      'POST /api/auth/second-factor/enrol/confirm',
      'POST /api/auth/second-factor/verify',
    ]);
    const routes = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !open.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(30);
    const refusals: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+\??/g, randomUUID());
      const response = await send(session, route.method, path, route.method === 'GET' ? undefined : {});
      const code = await problemCode(response).catch(() => null);
      if (response.status !== 403 || code !== 'second_factor_required') refusals.push(`${route.method} ${route.path}: ${response.status} ${code}`);
    }
    expect(refusals).toEqual([]);
    const refused = await readProblem(await send(session, 'GET', `/api/tenants/${world.tenantId}/users`));
    expect(refused).toMatchObject({ title: 'Cần xác thực hai lớp', type: 'urn:gov-one-stop:problem:second-factor-required' });
    expect((await send(session, 'POST', '/api/auth/logout')).status).toBe(204);
  });

  it('is not asked of officers without an admin role, nor of ministry oversight', async () => {
    for (const login of [world.logins.specialist, await createGlobalUser(deps.db, 'ministry_oversight')]) {
      const { session, secondFactor } = await passwordOnly(login);
      expect(secondFactor).toBeNull();
      expect(await (await send(session, 'GET', '/api/auth/me')).json()).toMatchObject({ secondFactor: null });
      expect((await send(session, 'POST', '/api/auth/second-factor/enrol')).status).toBe(403);
    }
  });
});

describe('enrolment and the code step', () => {
  it('enrols with a code from the app, keeps the secret only sealed, and returns ten recovery codes once', async () => {
    const login = await addOfficer('unit_admin');
    const { session, userId } = await passwordOnly(login);
    const started = await send(session, 'POST', '/api/auth/second-factor/enrol');
    expect(started.status).toBe(200);
    const { otpauthUri, secret } = (await started.json()) as { otpauthUri: string; secret: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
    const [row] = await deps.db.select().from(schema.secondFactors).where(eq(schema.secondFactors.userId, userId));
    expect(row!.secretCiphertext).toMatch(/^v1\./);
    expect(row!.secretCiphertext.toUpperCase()).not.toContain(secret);
    expect(row!.enrolledAt).toBeNull();
    // A reloaded page asks again and shows the QR code the admin may already have scanned.
    expect(await (await send(session, 'POST', '/api/auth/second-factor/enrol')).json()).toEqual({ otpauthUri, secret });
    // Enrolment is not done until a code is confirmed: the session is still held back.
    expect((await send(session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(403);

    const step = Math.floor(deps.secondFactorClock!().getTime() / 30_000);
    const accepted = [step - 1, step, step + 1].map((s) => totpCodeAt(secret, s));
    const wrongCode = ['000000', '111111', '222222', '333333'].find((c) => !accepted.includes(c))!;
    const wrong = await send(session, 'POST', '/api/auth/second-factor/enrol/confirm', { code: wrongCode });
    expect(wrong.status).toBe(400);
    expect((await readProblem(wrong)).detail).toBe('Mã xác thực không đúng.');
    const confirmed = await send(session, 'POST', '/api/auth/second-factor/enrol/confirm', { code: totpCodeAt(secret, step) });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const stored = await deps.db.select().from(schema.secondFactorRecoveryCodes).where(eq(schema.secondFactorRecoveryCodes.userId, userId));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replaceAll('-', ''));

    // Passed: the rest of the API answers, and the enrolment cannot be started over by the user.
    expect((await send(session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(200);
    expect(await (await send(session, 'GET', '/api/auth/second-factor')).json()).toEqual({
      required: true,
      enrolled: true,
      verified: true,
      recoveryCodesLeft: 10,
    });
    expect((await send(session, 'POST', '/api/auth/second-factor/enrol')).status).toBe(409);
    const events = await deps.db.select().from(schema.authEvents).where(eq(schema.authEvents.userId, userId));
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['second_factor_failed', 'second_factor_enrolled']));
    expect(JSON.stringify(events)).not.toContain(totpCodeAt(secret, step));
  });

  it('asks a signed-up admin for a code at the next sign-in, and refuses the same code twice', async () => {
    const login = world.logins.province_admin;
    await signIn(app, login); // enrols through the test authenticator
    const userId = await userIdOf(login);
    const first = await passwordOnly(login);
    expect(first.secondFactor).toBe('verify');
    expect((await send(first.session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(403);
    const { code } = freshCode(userId);
    const verified = await send(first.session, 'POST', '/api/auth/second-factor/verify', { code });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ method: 'totp', recoveryCodesLeft: 10 });
    expect((await send(first.session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(200);

    const second = await passwordOnly(login);
    const reused = await send(second.session, 'POST', '/api/auth/second-factor/verify', { code });
    expect(reused.status).toBe(400);
    expect((await readProblem(reused)).detail).toBe('Mã này đã được dùng. Hãy chờ mã tiếp theo trên ứng dụng xác thực.');
    expect((await send(second.session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(403);
  });

  it('counts wrong codes and locks the code step after five, even for the right code, saying when to retry', async () => {
    const login = await addOfficer('unit_admin');
    await signIn(app, login);
    const userId = await userIdOf(login);
    const { session } = await passwordOnly(login);
    for (let i = 0; i < 5; i += 1) {
      const wrong = await send(session, 'POST', '/api/auth/second-factor/verify', { code: `abcd-efgh-ijkl-mno${i + 2}` }, someIp());
      expect(wrong.status).toBe(400);
    }
    const failures = await deps.db
      .select()
      .from(schema.loginAttempts)
      .where(and(eq(schema.loginAttempts.login, `second-factor:${userId}`), eq(schema.loginAttempts.succeeded, false)));
    expect(failures).toHaveLength(5);
    const locked = await send(session, 'POST', '/api/auth/second-factor/verify', freshCode(userId), someIp());
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await readProblem(locked)).detail).toMatch(/^Nhập sai mã xác thực quá nhiều lần/);
    expect((await send(session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(403);
  });

  it('takes each recovery code once', async () => {
    const login = await addOfficer('unit_admin');
    await signIn(app, login);
    const userId = await userIdOf(login);
    const [code] = recoveryCodesOf(userId);
    const first = await passwordOnly(login);
    const used = await send(first.session, 'POST', '/api/auth/second-factor/verify', { code: code!.toUpperCase() });
    expect(used.status).toBe(200);
    expect(await used.json()).toEqual({ method: 'recovery_code', recoveryCodesLeft: 9 });
    const again = await passwordOnly(login);
    const refused = await send(again.session, 'POST', '/api/auth/second-factor/verify', { code });
    expect(refused.status).toBe(400);
    expect((await send(again.session, 'GET', `/api/tenants/${world.tenantId}/users`)).status).toBe(403);
  });
});

describe('resetting another administrator’s second factor', () => {
  const reset = (session: Session, userId: string) => send(session, 'POST', `/api/auth/second-factor/users/${userId}/reset`);

  it('lets a province admin reset a unit admin of the province: their sessions end, they enrol again, and it is audited', async () => {
    const unitAdmin = await addOfficer('unit_admin');
    const theirs = await signIn(app, unitAdmin);
    const userId = await userIdOf(unitAdmin);
    const admin = await signIn(app, world.logins.province_admin);
    const response = await reset(admin, userId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId, enrolmentRequired: true });
    expect((await send(theirs, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await passwordOnly(unitAdmin)).secondFactor).toBe('enrol');
    const records = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.subjectId, userId), eq(schema.auditLog.action, 'user.second_factor_reset'))),
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.details).toBeNull();
    // Nothing left to reset.
    expect((await reset(admin, userId)).status).toBe(409);
  });

  it('refuses a province admin resetting a fellow province admin, a unit admin resetting anyone, and anyone resetting themselves', async () => {
    const fellow = await addOfficer('province_admin');
    await signIn(app, fellow);
    const admin = await signIn(app, world.logins.province_admin);
    const lateral = await reset(admin, await userIdOf(fellow));
    expect(lateral.status).toBe(403);
    expect((await readProblem(lateral)).detail).toBe('Tài khoản quản trị tỉnh chỉ do Bộ quản lý (đặt lại mật khẩu, khóa, đổi vai trò, thu hồi).');
    expect((await reset(admin, await userIdOf(world.logins.province_admin))).status).toBe(403);

    const below = await addOfficer('unit_admin');
    await signIn(app, below);
    const unitAdmin = await signIn(app, world.logins.unit_admin);
    expect((await reset(unitAdmin, await userIdOf(below))).status).toBe(403);
    expect(
      await deps.db
        .select()
        .from(schema.secondFactors)
        .where(eq(schema.secondFactors.userId, await userIdOf(fellow))),
    ).toHaveLength(1);
  });

  it("lets the ministry admin reset a province admin, but no admin a ministry admin's: only the operator, audited", async () => {
    const ministry = await createGlobalUser(deps.db, 'ministry_admin');
    const otherMinistry = await createGlobalUser(deps.db, 'ministry_admin');
    await signIn(app, otherMinistry);
    const fellow = await addOfficer('province_admin');
    await signIn(app, fellow);
    const session = await signIn(app, ministry);
    expect((await reset(session, await userIdOf(fellow))).status).toBe(200);
    expect((await passwordOnly(fellow)).secondFactor).toBe('enrol');

    // No lateral move between ministry peers, and a province never reaches the ministry.
    const province = await signIn(app, world.logins.province_admin);
    expect((await reset(province, await userIdOf(otherMinistry))).status).toBe(403);
    const peer = await reset(session, await userIdOf(otherMinistry));
    expect(peer.status).toBe(403);
    expect(await problemDetail(peer)).toMatch(/đơn vị vận hành/);
    expect((await reset(session, await userIdOf(ministry))).status).toBe(403);
    expect((await passwordOnly(otherMinistry)).secondFactor).toBe('verify');

    // The operator's command: the factor is gone, the sessions end, the platform's log says who.
    await resetMinistryAdminFactor(deps.db, { login: otherMinistry.toUpperCase(), operator: 'vanhanh' });
    expect((await passwordOnly(otherMinistry)).secondFactor).toBe('enrol');
    const records = await deps.db
      .select()
      .from(schema.platformAuditLog)
      .where(and(eq(schema.platformAuditLog.subjectId, await userIdOf(otherMinistry)), eq(schema.platformAuditLog.action, 'user.second_factor_reset')));
    expect(records.map((r) => ({ actor: r.actorUserId, details: r.details }))).toEqual([{ actor: null, details: { by: 'operator', operator: 'vanhanh' } }]);
    await expect(resetMinistryAdminFactor(deps.db, { login: fellow, operator: 'vanhanh' })).rejects.toThrow(/No ministry administrator/);
  });

  it('is refused to an admin whose own session is still pending the factor', async () => {
    const unitAdmin = await addOfficer('unit_admin');
    await signIn(app, unitAdmin);
    const pending = await passwordOnly(world.logins.province_admin);
    const refused = await reset(pending.session, await userIdOf(unitAdmin));
    expect(refused.status).toBe(403);
    expect(await problemCode(refused)).toBe('second_factor_required');
  });
});
