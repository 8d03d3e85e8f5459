import { randomInt, randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { spawnStandIns, type ReceivedMail, type ReceivedSms, type SpawnedStandIns } from '@gov/stand-ins';
import { freePort } from '@gov/testing';
import { createTransports, startOutboxRelay, type OutboxRelay } from '@gov/workflows';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps, TEST_ACCOUNT_KEYS } from '../test-deps.js';
import { eventually } from '../testing/dossier-client.js';
import { buildTenantWorld, connEnv, signIn, type TenantWorld } from '../testing/world.js';
import { problemCode } from '../testing/problem.js';

// Sign-up, contact verification and reset by one-time code, end to end: the API issues the code,
// the worker's outbox relay sends it through the stand-ins (their own process, real SMTP and HTTP),
// and the test reads it from the stand-ins' control port.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let standIns: SpawnedStandIns;
let relay: OutboxRelay;
let world: TenantWorld;

beforeAll(async () => {
  standIns = await spawnStandIns({ smtpPort: await freePort(), smsPort: await freePort(), controlPort: await freePort(), env: process.env });
  relay = startOutboxRelay({
    sql: deps.sql, engine: deps.dossiers!.engine, tenantIds: () => [], intervalMs: 100,
    transports: createTransports({ smtpUrl: standIns.smtpUrl, smsUrl: standIns.smsUrl, from: 'Một cửa thử nghiệm <khong-tra-loi@motcua.local>' }),
    accounts: { codeSecret: TEST_ACCOUNT_KEYS.codeSecret, publicUrl: 'http://127.0.0.1:3000' },
  });
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
});
afterAll(async () => {
  await relay?.stop();
  await standIns?.stop();
  await close();
});

const someIp = () => `198.19.${randomInt(0, 255)}.${randomInt(1, 255)}`;
const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, connEnv(someIp()));
/** A CCCD number no other run has used: province code 001, then random digits. */
const newCitizenId = () => `001${String(randomInt(0, 1e9)).padStart(9, '0')}`;
const newEmail = () => `cong.dan.${randomUUID().slice(0, 8)}@example.vn`;
const newPhone = () => `09${String(randomInt(0, 1e8)).padStart(8, '0')}`;
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

const emailsTo = async (to: string) => (await standIns.messages()).emails.filter((m: ReceivedMail) => m.to.includes(to));
const smsTo = async (to: string) => (await standIns.messages()).sms.filter((m: ReceivedSms) => m.to === to);
async function codeByEmail(to: string, count = 1): Promise<string> {
  const mails = await eventually(() => emailsTo(to), (list) => list.length >= count);
  return codeIn(mails[count - 1]!.text)!;
}
async function codeBySms(to: string, count = 1): Promise<string> {
  const messages = await eventually(() => smsTo(to), (list) => list.length >= count);
  return codeIn(messages[count - 1]!.text)!;
}
const PASSWORD = 'MatKhauCongDan2026';
const signUp = (over: Record<string, unknown> = {}) => post('/api/auth/sign-up', { fullName: 'Nguyễn Thị Đăng Ký', citizenId: newCitizenId(), email: newEmail(), password: PASSWORD, ...over });
const userByLogin = async (login: string) => (await deps.db.select().from(schema.users).where(eq(schema.users.login, login)))[0];
const codesOf = (userId: string) => deps.db.select().from(schema.oneTimeCodes).where(eq(schema.oneTimeCodes.userId, userId));

describe('citizen sign-up', () => {
  it('sends a code by email; the account is unconfirmed until the code is entered, and the CCCD is stored only as a digest', async () => {
    const email = newEmail();
    const citizenId = newCitizenId();
    const response = await signUp({ email, citizenId });
    expect(response.status).toBe(202);
    const user = (await userByLogin(email))!;
    expect(user).toMatchObject({ kind: 'citizen', contactVerifiedAt: null });
    expect(JSON.stringify(user)).not.toContain(citizenId);
    expect(user.citizenIdDigest).toMatch(/^[0-9a-f]{64}$/);
    const code = await codeByEmail(email);
    expect(code).toMatch(/^\d{6}$/);
    // Neither the code row, nor the outbox, nor the sign-in events hold the code in clear.
    const stored = JSON.stringify([await codesOf(user.id), await deps.db.select().from(schema.accountOutbox), await deps.db.select().from(schema.authEvents).where(eq(schema.authEvents.userId, user.id))]);
    expect(stored).not.toContain(`"${code}"`);
    expect(stored).not.toContain(citizenId);

    expect((await post('/api/auth/verify-contact', { login: email, code })).status).toBe(200);
    expect((await userByLogin(email))!.contactVerifiedAt).not.toBeNull();
    await signIn(app, email, someIp(), PASSWORD);
  });

  it('sends the code by SMS when only a phone is given', async () => {
    const phone = newPhone();
    expect((await signUp({ email: undefined, phone })).status).toBe(202);
    const code = await codeBySms(phone);
    expect((await post('/api/auth/verify-contact', { login: phone, code })).status).toBe(200);
  });

  it('answers a taken CCCD, email or phone exactly as a new one, and makes nothing', async () => {
    const email = newEmail();
    const citizenId = newCitizenId();
    const first = await signUp({ email, citizenId });
    const again = [await signUp({ citizenId }), await signUp({ email }), await signUp({ email: undefined, phone: newPhone(), citizenId })];
    const bodies = await Promise.all([first, ...again].map(async (r) => [r.status, await r.text()]));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const digest = (await userByLogin(email))!.citizenIdDigest!;
    expect(await deps.db.select().from(schema.users).where(eq(schema.users.citizenIdDigest, digest))).toHaveLength(1);
  });

  it('refuses a missing contact and a malformed CCCD with 400', async () => {
    expect((await signUp({ email: undefined })).status).toBe(400);
    expect((await signUp({ citizenId: '12345' })).status).toBe(400);
  });
});

describe('one-time codes', () => {
  it('refuses a wrong code with 400 and counts it; a used code is refused; an expired one too', async () => {
    const email = newEmail();
    await signUp({ email });
    const code = await codeByEmail(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await post('/api/auth/verify-contact', { login: email, code: wrong });
    expect(refused.status).toBe(400);
    expect(await problemCode(refused)).toBe('invalid');
    const user = (await userByLogin(email))!;
    expect((await codesOf(user.id))[0]!.attempts).toBe(1);
    expect((await post('/api/auth/verify-contact', { login: email, code })).status).toBe(200);

    // Reused: the same code for a password reset is not a reset code, and the verify code is spent.
    await signIn(app, email, someIp(), PASSWORD);
    expect((await post('/api/auth/password/forgot', { login: email })).status).toBe(202);
    const reset = await codeByEmail(email, 2);
    expect((await post('/api/auth/password/reset', { login: email, code: reset, newPassword: 'MatKhauMoi2026a' })).status).toBe(200);
    const reused = await post('/api/auth/password/reset', { login: email, code: reset, newPassword: 'MatKhauMoi2026b' });
    expect(reused.status).toBe(400);
    expect(await problemCode(reused)).toBe('invalid');

    expect((await post('/api/auth/password/forgot', { login: email })).status).toBe(202);
    const late = await codeByEmail(email, 3);
    await deps.db.update(schema.oneTimeCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(schema.oneTimeCodes.userId, user.id), eq(schema.oneTimeCodes.purpose, 'reset_password')));
    const expired = await post('/api/auth/password/reset', { login: email, code: late, newPassword: 'MatKhauMoi2026c' });
    expect(expired.status).toBe(400);
    expect(await problemCode(expired)).toBe('invalid');
    await signIn(app, email, someIp(), 'MatKhauMoi2026a');
  });

  it('kills a code after five wrong tries, even when the right one comes next', async () => {
    const email = newEmail();
    await signUp({ email });
    const code = await codeByEmail(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await post('/api/auth/verify-contact', { login: email, code: wrong })).status).toBe(400);
    expect((await post('/api/auth/verify-contact', { login: email, code })).status).toBe(400);
    expect((await userByLogin(email))!.contactVerifiedAt).toBeNull();
  });

  it('delivers a code held back while the mail relay was down once it is back', async () => {
    await standIns.setMode('mail', 'down');
    const email = newEmail();
    let codeId = '';
    try {
      await signUp({ email });
      const user = (await userByLogin(email))!;
      codeId = (await codesOf(user.id))[0]!.id;
      await eventually(async () => (await deps.db.select().from(schema.accountOutbox).where(eq(schema.accountOutbox.codeId, codeId)))[0]!, (row) => row.attempts >= 1);
      expect(await emailsTo(email)).toHaveLength(0);
    } finally {
      await standIns.setMode('mail', 'ok');
    }
    // Skip the relay's back-off (5 s × attempts²) rather than wait it out.
    await deps.db.update(schema.accountOutbox).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(schema.accountOutbox.codeId, codeId));
    expect(await codeByEmail(email)).toMatch(/^\d{6}$/);
  });
});

describe('forgot password', () => {
  it('sends an officer a code at the email of their profile; the code sets the password they choose', async () => {
    const login = world.logins.specialist;
    const email = `can.bo.${randomUUID().slice(0, 8)}@example.gov.vn`;
    const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.login, login));
    await withTenant(deps.sql, world.tenantId, (tx) => tx.update(schema.tenantUsers).set({ email }).where(and(eq(schema.tenantUsers.tenantId, world.tenantId), eq(schema.tenantUsers.userId, user!.id))));
    expect((await post('/api/auth/password/forgot', { login })).status).toBe(202);
    const code = await codeByEmail(email);
    expect((await post('/api/auth/password/reset', { login, code, newPassword: 'MatKhauCanBo2026' })).status).toBe(200);
    await signIn(app, login, someIp(), 'MatKhauCanBo2026');
  });

  it('answers an unknown name exactly as a known one', async () => {
    const known = await post('/api/auth/password/forgot', { login: world.logins.leader });
    const unknown = await post('/api/auth/password/forgot', { login: `khong-co-${randomUUID()}` });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await unknown.text()).toBe(await known.text());
    const wrong = await post('/api/auth/password/reset', { login: `khong-co-${randomUUID()}`, code: '123456', newPassword: 'MatKhauCanBo2026' });
    expect(wrong.status).toBe(400);
  });
});
