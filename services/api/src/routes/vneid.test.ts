import { randomUUID } from 'node:crypto';
import { citizenIdDigest, ensureRootUnit, hashPassword } from '@gov/core';
import { schema, withTenant } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import { spawnStandIns, VNEID_DEMO_PASSWORD, type SpawnedStandIns } from '@gov/stand-ins';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps, TEST_ACCOUNT_KEYS } from '../test-deps.js';
import { answerAtProvider, CookieJar, newCitizenId } from '../testing/vneid.js';
import { ANY_REVISION, buildTenantWorld, call, connEnv, PASSWORD, signIn } from '../testing/world.js';
import { problemCode } from '../testing/problem.js';
import { sealFlow, type Flow, type VneidConfig } from '../vneid.js';
import { FLOW_COOKIE } from './vneid.js';

// "Đăng nhập bằng VNeID" against the real OpenID Connect provider stand-in (its own process,
// over the network): the API redirects, the test signs in on the provider's pages, the provider
// sends the browser back, and the callback links or makes the account and signs in.
const REDIRECT = 'http://127.0.0.1:3000/api/auth/vneid/callback';
const STATE_SECRET = 'test-oidc-state-secret-0123456789';
const { deps, close } = createTestDeps();
let standIns: SpawnedStandIns;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  standIns = await spawnStandIns({
    env: process.env,
    vneid: { port: 0, redirectUris: [REDIRECT] },
  });
  const vneid: VneidConfig = {
    issuer: standIns.vneidIssuer,
    clientId: 'gov-one-stop-local',
    clientSecret: 'local-development-vneid-client-secret',
    redirectUrl: REDIRECT,
    scope: 'openid profile citizen_id',
    citizenIdClaim: 'citizen_id',
    stateSecret: STATE_SECRET,
  };
  app = createApp({ ...deps, vneid });
});
afterAll(async () => {
  await standIns?.stop();
  await close();
});

const IP = '198.51.100.77';

/** One browser: its cookies for our site, and each sign-in attempt's outcome. */
function browser() {
  const jar = new CookieJar();
  const get = async (path: string, requestId = randomUUID()) => {
    const response = await app.request(path, { headers: { cookie: jar.header(), 'X-Request-Id': requestId } }, connEnv(IP));
    jar.take(response);
    return response;
  };
  return {
    jar,
    get,
    /** Starts a sign-in and returns the provider URL it redirects to. */
    async start(as: 'citizen' | 'officer' = 'citizen') {
      const response = await get(`/api/auth/vneid/start?as=${as}`);
      expect(response.status).toBe(302);
      return response.headers.get('location')!;
    },
    async callback(url: URL, requestId = randomUUID()) {
      const response = await get(`${url.pathname}${url.search}`, requestId);
      expect(response.status).toBe(302);
      return { outcome: new URL(response.headers.get('location')!, 'http://x').searchParams.get('vneid'), session: jar.get('gov_session'), requestId };
    },
    async me() {
      const response = await get('/api/auth/me');
      return response.status === 200 ? ((await response.json()) as { user: { userId: string; kind: string; displayName: string } }).user : null;
    },
  };
}

async function newIdentity(name = 'Trần Thị Thử') {
  const citizenId = newCitizenId();
  await standIns.addVneidIdentity({ citizenId, name });
  return { citizenId, password: VNEID_DEMO_PASSWORD, name };
}
const usersWithDigest = (citizenId: string) =>
  deps.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.citizenIdDigest, citizenIdDigest(TEST_ACCOUNT_KEYS, citizenId)));
const sessionsOf = (userId: string) => deps.db.select().from(schema.sessions).where(eq(schema.sessions.userId, userId));
const eventsOfRequest = (requestId: string) => deps.db.select().from(schema.authEvents).where(eq(schema.authEvents.requestId, requestId));

/** A citizen who signed up with a password earlier (same CCCD as their VNeID identity). */
async function existingCitizen() {
  const person = await newIdentity('Nguyễn Văn Có');
  const [user] = await deps.db
    .insert(schema.users)
    .values({
      login: `cd-${randomUUID().slice(0, 8)}@example.vn`,
      passwordHash: await hashPassword('MatKhauCongDan2026'),
      kind: 'citizen',
      displayName: 'Nguyễn Văn Có',
      citizenIdDigest: citizenIdDigest(TEST_ACCOUNT_KEYS, person.citizenId),
    })
    .returning();
  return { person, userId: user!.id };
}

/** The refusals all end the same way: back on the sign-in page with a reason, no session, nothing written. */
async function expectNothingWritten(result: { session: string | undefined; requestId: string }, userId?: string) {
  expect(result.session).toBeUndefined();
  expect(await eventsOfRequest(result.requestId)).toEqual([]);
  if (userId) expect(await sessionsOf(userId)).toEqual([]);
}

describe('signing in with VNeID as a citizen', () => {
  it('a first sign-in creates the citizen account, linked by a digest of the CCCD number; the next one signs into it', async () => {
    const person = await newIdentity('Trần Thị Bình Mới');
    const b = browser();
    const authorizationUrl = new URL(await b.start());
    // Authorization code with PKCE (S256), state and nonce, to the registered redirect URL.
    expect(authorizationUrl.origin).toBe(standIns.vneidIssuer);
    expect(Object.fromEntries(authorizationUrl.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'gov-one-stop-local',
      redirect_uri: REDIRECT,
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorizationUrl.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    // The flow cookie is httpOnly, short-lived and only sent back to the VNeID routes.
    expect(b.jar.get(FLOW_COOKIE)).toBeTruthy();

    const first = await b.callback(await answerAtProvider(authorizationUrl.href, REDIRECT, person));
    expect(first.outcome).toBe('ok');
    expect(first.session).toBeTruthy();
    expect(b.jar.get(FLOW_COOKIE)).toBeUndefined();
    const me = (await b.me())!;
    expect(me).toMatchObject({ kind: 'citizen', displayName: 'Trần Thị Bình Mới' });

    const [user] = await usersWithDigest(person.citizenId);
    expect(user).toMatchObject({ id: me.userId, kind: 'citizen', passwordHash: null });
    expect(user!.contactVerifiedAt).not.toBeNull();
    const events = await eventsOfRequest(first.requestId);
    expect(events.map((e) => e.kind).sort()).toEqual(['login', 'signed_up']);
    // The number is stored nowhere in clear: not in the account, not in the sign-in events.
    expect(JSON.stringify([user, events])).not.toContain(person.citizenId);

    const again = browser();
    const second = await again.callback(await answerAtProvider(await again.start(), REDIRECT, person));
    expect(second.outcome).toBe('ok');
    expect((await again.me())!.userId).toBe(me.userId);
    expect(await usersWithDigest(person.citizenId)).toHaveLength(1);
  });

  it('links to the account the citizen made with a password, by the same CCCD number', async () => {
    const { person, userId } = await existingCitizen();
    const b = browser();
    const result = await b.callback(await answerAtProvider(await b.start(), REDIRECT, person));
    expect(result.outcome).toBe('ok');
    expect((await b.me())!.userId).toBe(userId);
    expect(await usersWithDigest(person.citizenId)).toHaveLength(1);
  });
});

describe('a VNeID answer that cannot be trusted ends on the sign-in page with no session and nothing written', () => {
  it('refuses a callback whose state is not the one this browser started with', async () => {
    const { person, userId } = await existingCitizen();
    const b = browser();
    const callback = await answerAtProvider(await b.start(), REDIRECT, person);
    callback.searchParams.set('state', 'an-attacker-chose-this-state-value');
    const result = await b.callback(callback);
    expect(result.outcome).toBe('state');
    await expectNothingWritten(result, userId);
  });

  it('refuses a callback that arrives in a browser that never started the sign-in (login CSRF)', async () => {
    const { person, userId } = await existingCitizen();
    const victim = browser();
    const attacker = browser();
    const callback = await answerAtProvider(await attacker.start(), REDIRECT, person);
    const result = await victim.callback(callback);
    expect(result.outcome).toBe('state');
    await expectNothingWritten(result, userId);
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const { person, userId } = await existingCitizen();
    const b = browser();
    const callback = await answerAtProvider(await b.start(), REDIRECT, person);
    // The browser's flow cookie re-signed with a different nonce (same state and PKCE verifier).
    const payload = JSON.parse(Buffer.from(b.jar.get(FLOW_COOKIE)!.split('.')[0]!, 'base64url').toString('utf8')) as Flow;
    b.jar.set(FLOW_COOKIE, sealFlow(STATE_SECRET, { ...payload, nonce: 'a-different-nonce-than-the-id-token-has' }));
    const result = await b.callback(callback);
    expect(result.outcome).toBe('invalid');
    await expectNothingWritten(result, userId);
  });

  it('refuses a forged flow cookie', async () => {
    const { person, userId } = await existingCitizen();
    const b = browser();
    const callback = await answerAtProvider(await b.start(), REDIRECT, person);
    const [payload] = b.jar.get(FLOW_COOKIE)!.split('.');
    b.jar.set(FLOW_COOKIE, `${payload}.${'A'.repeat(43)}`);
    const result = await b.callback(callback);
    expect(result.outcome).toBe('state');
    await expectNothingWritten(result, userId);
  });

  it('says the person refused when they press "Từ chối" at VNeID', async () => {
    const person = await newIdentity();
    const b = browser();
    const callback = await answerAtProvider(await b.start(), REDIRECT, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const result = await b.callback(callback);
    expect(result.outcome).toBe('denied');
    await expectNothingWritten(result);
    expect(await usersWithDigest(person.citizenId)).toEqual([]);
  });

  it('says VNeID cannot be reached when it is down at the start, or goes down before the code is exchanged, or fails', async () => {
    const { person, userId } = await existingCitizen();
    try {
      await standIns.setMode('vneid', 'down');
      const early = browser();
      const refused = await early.get('/api/auth/vneid/start');
      expect(refused.status).toBe(302);
      expect(refused.headers.get('location')).toBe('/login?vneid=provider');
      expect(early.jar.get(FLOW_COOKIE)).toBeUndefined();

      await standIns.setMode('vneid', 'ok');
      const late = browser();
      const callback = await answerAtProvider(await late.start(), REDIRECT, person);
      await standIns.setMode('vneid', 'down');
      const result = await late.callback(callback);
      expect(result.outcome).toBe('provider');
      await expectNothingWritten(result, userId);

      await standIns.setMode('vneid', 'ok');
      const troubled = browser();
      const answered = await answerAtProvider(await troubled.start(), REDIRECT, person);
      await standIns.setMode('vneid', 'fail');
      const failed = await troubled.callback(answered);
      expect(failed.outcome).toBe('provider');
      await expectNothingWritten(failed, userId);
    } finally {
      await standIns.setMode('vneid', 'ok');
    }
  });

  it('refuses a code used twice', async () => {
    const person = await newIdentity();
    const b = browser();
    const callback = await answerAtProvider(await b.start(), REDIRECT, person);
    const flow = b.jar.get(FLOW_COOKIE)!;
    expect((await b.callback(callback)).outcome).toBe('ok');
    const replay = browser();
    replay.jar.set(FLOW_COOKIE, flow);
    const result = await replay.callback(callback);
    expect(result.outcome).toBe('invalid');
    await expectNothingWritten(result);
    expect(await usersWithDigest(person.citizenId)).toHaveLength(1);
  });

  it('answers a malformed start with a problem, and an unconfigured provider with a clear reason', async () => {
    const b = browser();
    const bad = await b.get('/api/auth/vneid/start?as=admin');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const unconfigured = createApp(deps);
    const response = await unconfigured.request('/api/auth/vneid/start', {}, connEnv(IP));
    expect(response.headers.get('location')).toBe('/login?vneid=unavailable');
  });
});

/** An officer of a fresh province whose profile there records `citizenId` (or another province's). */
async function officerWith(citizenId: string | null, over: { status?: 'active' | 'disabled'; profileActive?: boolean; profileElsewhere?: boolean } = {}) {
  const home = await createTenant(inject('ownerDatabaseUrl'));
  const [user] = await deps.db
    .insert(schema.users)
    .values({
      login: `cb-${randomUUID().slice(0, 8)}`,
      passwordHash: await hashPassword('MatKhauCanBo2026!'),
      kind: 'officer',
      homeTenantId: home,
      displayName: 'Cán bộ VNeID',
      status: over.status ?? 'active',
    })
    .returning();
  const profileTenant = over.profileElsewhere ? await createTenant(inject('ownerDatabaseUrl')) : home;
  await withTenant(deps.sql, profileTenant, (tx) =>
    tx
      .insert(schema.tenantUsers)
      .values({ tenantId: profileTenant, userId: user!.id, fullName: 'Cán bộ VNeID', citizenId, active: over.profileActive ?? true }),
  );
  return user!;
}

describe('signing in with VNeID as an officer', () => {
  it('signs into the officer account whose home province registered that CCCD number', async () => {
    const person = await newIdentity('Cán bộ Có Hồ Sơ');
    const officer = await officerWith(person.citizenId);
    const b = browser();
    const result = await b.callback(await answerAtProvider(await b.start('officer'), REDIRECT, person));
    expect(result.outcome).toBe('ok');
    expect(await b.me()).toMatchObject({ userId: officer.id, kind: 'officer' });
    const events = await eventsOfRequest(result.requestId);
    expect(events).toMatchObject([{ kind: 'login', userId: officer.id, login: officer.login, details: { method: 'vneid', as: 'officer' } }]);
    expect(JSON.stringify(events)).not.toContain(person.citizenId);
    // Nothing is made: no citizen account appears for the officer's number.
    expect(await usersWithDigest(person.citizenId)).toEqual([]);
  });

  it('holds an admin who signs in with VNeID at the second factor, as after a password', async () => {
    const person = await newIdentity('Quản Trị Qua VNeID');
    const officer = await officerWith(person.citizenId);
    const tenantId = officer.homeTenantId!;
    await withTenant(deps.sql, tenantId, async (tx) => {
      const root = await ensureRootUnit(tx, tenantId);
      await tx.insert(schema.roleAssignments).values({ tenantId, userId: officer.id, role: 'province_admin', orgUnitId: root.id, reason: 'vneid test' });
    });
    const b = browser();
    const result = await b.callback(await answerAtProvider(await b.start('officer'), REDIRECT, person));
    expect(result.outcome).toBe('ok');
    expect(await (await b.get('/api/auth/me')).json()).toMatchObject({ secondFactor: 'enrol' });
    const refused = await b.get(`/api/tenants/${tenantId}/users`);
    expect(refused.status).toBe(403);
    expect(await problemCode(refused)).toBe('second_factor_required');
  });

  it('refuses a person with no officer account and creates nothing, even when they have a citizen account', async () => {
    const { person, userId } = await existingCitizen();
    const b = browser();
    const result = await b.callback(await answerAtProvider(await b.start('officer'), REDIRECT, person));
    expect(result.outcome).toBe('no_officer_account');
    expect(result.session).toBeUndefined();
    expect(await sessionsOf(userId)).toEqual([]);
    expect(await usersWithDigest(person.citizenId)).toHaveLength(1);
    // Only the refusal is recorded, without the number.
    const events = await eventsOfRequest(result.requestId);
    expect(events).toMatchObject([{ kind: 'login_failed', userId: null, details: { method: 'vneid', as: 'officer', reason: 'no_officer_account' } }]);
    expect(JSON.stringify(events)).not.toContain(person.citizenId);
  });

  it('does not link a profile that is inactive or kept by a province other than the account’s home', async () => {
    const inactive = await newIdentity();
    const inactiveOfficer = await officerWith(inactive.citizenId, { profileActive: false });
    const elsewhere = await newIdentity();
    const elsewhereOfficer = await officerWith(elsewhere.citizenId, { profileElsewhere: true });
    for (const [person, officer] of [
      [inactive, inactiveOfficer],
      [elsewhere, elsewhereOfficer],
    ] as const) {
      const b = browser();
      const result = await b.callback(await answerAtProvider(await b.start('officer'), REDIRECT, person));
      expect(result.outcome).toBe('no_officer_account');
      expect(await sessionsOf(officer.id)).toEqual([]);
    }
  });

  it('refuses a disabled officer account, and a number registered on two officer accounts', async () => {
    const disabled = await newIdentity();
    const disabledOfficer = await officerWith(disabled.citizenId, { status: 'disabled' });
    const b = browser();
    const refused = await b.callback(await answerAtProvider(await b.start('officer'), REDIRECT, disabled));
    expect(refused.outcome).toBe('disabled');
    expect(await sessionsOf(disabledOfficer.id)).toEqual([]);

    const twice = await newIdentity();
    const first = await officerWith(twice.citizenId);
    const second = await officerWith(twice.citizenId);
    const c = browser();
    const ambiguous = await c.callback(await answerAtProvider(await c.start('officer'), REDIRECT, twice));
    expect(ambiguous.outcome).toBe('ambiguous_officer');
    expect([...(await sessionsOf(first.id)), ...(await sessionsOf(second.id))]).toEqual([]);
  });
});

describe('a province requiring VNeID sign-in for its officers', () => {
  it('its admin turns it on (audited); officers’ password sign-in is then refused in Vietnamese, VNeID still works; off restores passwords', async () => {
    const world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
    const admin = await signIn(app, world.logins.province_admin, '203.0.113.41');
    const person = await newIdentity('Cán bộ Bắt Buộc VNeID');
    const officer = await withTenant(deps.sql, world.tenantId, async (tx) => {
      const [user] = await tx
        .insert(schema.users)
        .values({
          login: `vn-${randomUUID().slice(0, 8)}`,
          passwordHash: await hashPassword(PASSWORD),
          kind: 'officer',
          homeTenantId: world.tenantId,
          displayName: 'Cán bộ',
        })
        .returning();
      await tx
        .insert(schema.tenantUsers)
        .values({ tenantId: world.tenantId, userId: user!.id, fullName: 'Cán bộ', citizenId: person.citizenId, orgUnitId: world.wardId });
      return user!;
    });
    const policy = `/api/tenants/${world.tenantId}/sign-in-policy`;
    const read = await call(app, admin, 'GET', policy);
    expect(await read.json()).toEqual({ officersVneidOnly: false, revision: 1 });
    expect(read.headers.get('ETag')).toBe('"1"');

    const set = await call(app, admin, 'PUT', policy, { officersVneidOnly: true }, { 'If-Match': read.headers.get('ETag')! });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ officersVneidOnly: true, revision: 2 });
    const audited = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'tenant.sign_in_policy_changed')),
    );
    expect(audited).toMatchObject([{ subjectId: world.tenantId, details: { officersVneidOnly: true } }]);

    const refused = await app.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: officer.login, password: PASSWORD }) },
      connEnv('203.0.113.42'),
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const problem = (await refused.json()) as { detail: string };
    expect(problem.detail).toContain('yêu cầu cán bộ đăng nhập bằng VNeID');
    expect(await sessionsOf(officer.id)).toEqual([]);

    const b = browser();
    const viaVneid = await b.callback(await answerAtProvider(await b.start('officer'), REDIRECT, person));
    expect(viaVneid.outcome).toBe('ok');
    expect((await b.me())!.userId).toBe(officer.id);

    expect((await call(app, admin, 'PUT', policy, { officersVneidOnly: false }, { 'If-Match': set.headers.get('ETag')! })).status).toBe(200);
    await signIn(app, officer.login, '203.0.113.43');
  });

  it('only the province admin may change it; a wrong body is a 400 that changes nothing', async () => {
    const world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
    const policy = `/api/tenants/${world.tenantId}/sign-in-policy`;
    for (const role of ['unit_admin', 'reception_officer'] as const) {
      const session = await signIn(app, world.logins[role], '203.0.113.44');
      expect((await call(app, session, 'PUT', policy, { officersVneidOnly: true }, ANY_REVISION)).status).toBe(403);
    }
    const admin = await signIn(app, world.logins.province_admin, '203.0.113.45');
    const bad = await call(app, admin, 'PUT', policy, { officersVneidOnly: 'yes' }, ANY_REVISION);
    expect(bad.status).toBe(400);
    expect(await problemCode(bad)).toBe('invalid');
    expect(await (await call(app, admin, 'GET', policy)).json()).toEqual({ officersVneidOnly: false, revision: 1 });
  });
});
