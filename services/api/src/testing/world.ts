import { randomUUID } from 'node:crypto';
import { ensureRootUnit, hashPassword } from '@gov/core';
import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import type { TenantRole } from '@gov/domain';
import type { createApp } from '../app.js';
import { freshCode, keepRecoveryCodes, rememberAuthenticator } from './authenticators.js';

export const PASSWORD = 'MatKhau2026!';

export interface TenantWorld {
  tenantId: string;
  rootId: string;
  /** A ward one-stop unit with a child team, and a sibling department outside that subtree. */
  wardId: string;
  wardTeamId: string;
  departmentId: string;
  logins: Record<TenantRole, string>;
}

/** A province with units and one officer per tenant role (unit-scoped roles sit on the ward). */
export async function buildTenantWorld(db: Db, sql: Sql, ownerUrl: string): Promise<TenantWorld> {
  const tenantId = await createTenant(ownerUrl);
  const passwordHash = await hashPassword(PASSWORD);
  return withTenant(sql, tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, tenantId);
    const unit = async (parentPath: string[], code: string, kind: 'commune_one_stop' | 'department' | 'office') => {
      const id = randomUUID();
      await tx
        .insert(schema.orgUnits)
        .values({ tenantId, id, parentId: parentPath.at(-1)!, path: [...parentPath, id], code: `${code}-${id.slice(0, 4)}`.toUpperCase(), name: code, kind });
      return id;
    };
    const wardId = await unit(root.path, 'phuong', 'commune_one_stop');
    const wardTeamId = await unit([...root.path, wardId], 'to-tiep-nhan', 'office');
    const departmentId = await unit(root.path, 'so-noi-vu', 'department');
    const logins = {} as Record<TenantRole, string>;
    const roles: TenantRole[] = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'];
    for (const role of roles) {
      const login = `${role}-${randomUUID().slice(0, 8)}`;
      const orgUnitId = role === 'province_admin' ? root.id : wardId;
      const [user] = await tx.insert(schema.users).values({ login, passwordHash, kind: 'officer', homeTenantId: tenantId, displayName: role }).returning();
      await tx
        .insert(schema.tenantUsers)
        .values({ tenantId, userId: user!.id, fullName: `Cán bộ ${role}`, citizenId: '001099012345', phone: '0912345678', orgUnitId });
      await tx.insert(schema.roleAssignments).values({ tenantId, userId: user!.id, role, orgUnitId, reason: 'test world' });
      logins[role] = login;
    }
    return { tenantId, rootId: root.id, wardId, wardTeamId, departmentId, logins };
  });
}

/** A ministry user (platform role) or a citizen, global accounts. */
export async function createGlobalUser(db: Db, kind: 'ministry_admin' | 'ministry_oversight' | 'citizen'): Promise<string> {
  const login = `${kind}-${randomUUID().slice(0, 8)}`;
  const [user] = await db
    .insert(schema.users)
    .values({ login, passwordHash: await hashPassword(PASSWORD), kind: kind === 'citizen' ? 'citizen' : 'ministry', displayName: kind })
    .returning();
  if (kind !== 'citizen') await db.insert(schema.platformRoleAssignments).values({ userId: user!.id, role: kind });
  return login;
}

export interface Session {
  cookie: string;
  csrf: string;
}

type App = ReturnType<typeof createApp>;

/** Signs in through the real endpoint, as the browser would, from a given client address. */
export async function signIn(app: App, login: string, ip = '203.0.113.10', password = PASSWORD): Promise<Session> {
  const response = await app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }) },
    connEnv(ip),
  );
  if (response.status !== 200) throw new Error(`sign-in failed for ${login}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken, userId, secondFactor } = (await response.json()) as { csrfToken: string; userId: string; secondFactor: 'enrol' | 'verify' | null };
  const session = { cookie, csrf: csrfToken };
  if (secondFactor) await passSecondFactor(app, session, userId, secondFactor);
  return session;
}

/**
 * What an administrator does after the password: the first time, enrol an authenticator (the
 * test's app learns the secret from the answer) and confirm with a code; later, type a fresh code.
 * Tests about the second factor itself call the endpoints directly instead.
 */
export async function passSecondFactor(app: App, session: Session, userId: string, step: 'enrol' | 'verify'): Promise<void> {
  if (step === 'enrol') {
    const started = await call(app, session, 'POST', '/api/auth/second-factor/enrol');
    if (started.status !== 200) throw new Error(`second-factor enrolment failed: ${started.status} ${await started.text()}`);
    const { secret } = (await started.json()) as { secret: string };
    rememberAuthenticator(userId, secret, -1);
  }
  const { code } = freshCode(userId);
  const path = step === 'enrol' ? '/api/auth/second-factor/enrol/confirm' : '/api/auth/second-factor/verify';
  const passed = await call(app, session, 'POST', path, { code });
  if (passed.status !== 200) throw new Error(`second factor (${step}) failed: ${passed.status} ${await passed.text()}`);
  if (step === 'enrol') {
    const { recoveryCodes } = (await passed.json()) as { recoveryCodes: string[] };
    keepRecoveryCodes(userId, recoveryCodes);
  }
}

/** What @hono/node-server's getConnInfo reads, for in-process requests. */
export const connEnv = (ip: string) => ({ incoming: { socket: { remoteAddress: ip, remotePort: 1, remoteFamily: 'IPv4' } } });

/** A request as a signed-in browser: cookie plus CSRF header on writes. */
/**
 * For tests about something else than concurrent edits: a write that may overwrite any revision
 * (conditional-writes.test.ts covers If-Match itself).
 */
export const ANY_REVISION = { 'If-Match': '*' };

export async function call(app: App, session: Session | null, method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
  if (session) {
    headers.Cookie = session.cookie;
    if (method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
  }
  return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, connEnv('203.0.113.20'));
}
