import { randomInt, randomUUID } from 'node:crypto';
import { MS_PER_HOUR } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { spawnStandIns, type ReceivedMail, type ReceivedSms, type SpawnedStandIns } from '@gov/stand-ins';
import { startOutboxRelay, type OutboxRelay } from '@gov/workflows';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps, TEST_ACCOUNT_KEYS } from '../test-deps.js';
import { eventually } from '../testing/dossier-client.js';
import { buildTenantWorld, call, connEnv, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';
import { problemCode, readProblem } from '../testing/problem.js';
import { standInTransports } from '../testing/stand-in-transports.js';

// Sign-up, contact verification and reset by one-time code, end to end: the API issues the code,
// the worker's outbox relay sends it through the stand-ins (their own process, real SMTP and HTTP),
// and the test reads it from the stand-ins' control port.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let standIns: SpawnedStandIns;
let relay: OutboxRelay;
let world: TenantWorld;

beforeAll(async () => {
  standIns = await spawnStandIns({ env: process.env });
  relay = startOutboxRelay({
    sql: deps.sql,
    engine: deps.dossiers!.engine,
    tenantIds: () => [],
    intervalMs: 100,
    transports: standInTransports(standIns),
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
  const mails = await eventually(
    () => emailsTo(to),
    (list) => list.length >= count,
  );
  return codeIn(mails[count - 1]!.text)!;
}
async function codeBySms(to: string, count = 1): Promise<string> {
  const messages = await eventually(
    () => smsTo(to),
    (list) => list.length >= count,
  );
  return codeIn(messages[count - 1]!.text)!;
}
const PASSWORD = 'MatKhauCongDan2026';
const signUp = (over: Record<string, unknown> = {}) =>
  post('/api/auth/sign-up', { fullName: 'Nguyễn Thị Đăng Ký', citizenId: newCitizenId(), email: newEmail(), password: PASSWORD, ...over });
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
    const stored = JSON.stringify([
      await codesOf(user.id),
      await deps.db.select().from(schema.accountOutbox),
      await deps.db.select().from(schema.authEvents).where(eq(schema.authEvents.userId, user.id)),
    ]);
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
    await deps.db
      .update(schema.oneTimeCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(schema.oneTimeCodes.userId, user.id), eq(schema.oneTimeCodes.purpose, 'reset_password')));
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
      await eventually(
        async () => (await deps.db.select().from(schema.accountOutbox).where(eq(schema.accountOutbox.codeId, codeId)))[0]!,
        (row) => row.attempts >= 1,
      );
      expect(await emailsTo(email)).toHaveLength(0);
    } finally {
      await standIns.setMode('mail', 'ok');
    }
    // Skip the relay's back-off (5 s × attempts²) rather than wait it out.
    await deps.db
      .update(schema.accountOutbox)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.accountOutbox.codeId, codeId));
    expect(await codeByEmail(email)).toMatch(/^\d{6}$/);
  });
});

describe('forgot password', () => {
  it('sends an officer a code at the email of their profile; the code sets the password they choose', async () => {
    const login = world.logins.specialist;
    const email = `can.bo.${randomUUID().slice(0, 8)}@example.gov.vn`;
    const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.login, login));
    await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .update(schema.tenantUsers)
        .set({ email })
        .where(and(eq(schema.tenantUsers.tenantId, world.tenantId), eq(schema.tenantUsers.userId, user!.id))),
    );
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

describe('resending a sign-up code', () => {
  it('sends a new code that works while the first one stops working, and answers an unknown name the same way', async () => {
    const email = newEmail();
    await signUp({ email });
    const first = await codeByEmail(email);
    const resent = await post('/api/auth/verify-contact/resend', { login: email });
    const unknown = await post('/api/auth/verify-contact/resend', { login: newEmail() });
    expect([resent.status, unknown.status]).toEqual([202, 202]);
    expect(await unknown.text()).toBe(await resent.text());
    const second = await codeByEmail(email, 2);
    if (first !== second) expect((await post('/api/auth/verify-contact', { login: email, code: first })).status).toBe(400);
    expect((await post('/api/auth/verify-contact', { login: email, code: second })).status).toBe(200);
    // A confirmed account is sent nothing more.
    expect((await post('/api/auth/verify-contact/resend', { login: email })).status).toBe(202);
    const user = (await userByLogin(email))!;
    expect((await codesOf(user.id)).filter((c) => c.purpose === 'verify_contact')).toHaveLength(2);
  });

  it('sends at most five codes an hour, with the same answer after the limit', async () => {
    const email = newEmail();
    await signUp({ email });
    const answers = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      const response = await post('/api/auth/verify-contact/resend', { login: email });
      expect(response.status).toBe(202);
      answers.add(await response.text());
    }
    expect(answers.size).toBe(1);
    const user = (await userByLogin(email))!;
    expect(await codesOf(user.id)).toHaveLength(5);
  });
});

describe('invitations: an admin never chooses or sees a password or a code', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await signIn(app, world.logins.province_admin, someIp());
  });
  const newOfficer = () => ({
    login: `moi.${randomUUID().slice(0, 8)}`,
    fullName: 'Trần Thị Mời',
    citizenId: newCitizenId(),
    position: 'Chuyên viên',
    phone: newPhone(),
    email: `moi.${randomUUID().slice(0, 8)}@example.gov.vn`,
    orgUnitId: world.wardId,
  });
  const auditOf = (userId: string) =>
    withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, world.tenantId), eq(schema.auditLog.subjectId, userId))),
    );

  it('creating an officer sends an invitation valid for 72 hours; the officer sets their own password with it and signs in', async () => {
    const body = newOfficer();
    const created = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users`, body);
    expect(created.status).toBe(201);
    const answer = await created.text();
    const { id } = JSON.parse(answer) as { id: string };
    expect(JSON.parse(answer)).toEqual({ id, login: body.login, invitationSentBy: 'email' });
    const [mail] = await eventually(
      () => emailsTo(body.email),
      (list) => list.length >= 1,
    );
    const code = codeIn(mail!.text)!;
    expect(mail!.text).toContain(`/invitation?login=${encodeURIComponent(body.login)}#code=${code}`);
    expect(mail!.text).toContain('72 giờ');
    expect(answer).not.toContain(code);
    expect(JSON.stringify(await auditOf(id))).not.toContain(code);
    const [row] = await codesOf(id);
    expect(row!.purpose).toBe('invitation');
    const lifetime = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(lifetime).toBeGreaterThan(71 * MS_PER_HOUR);
    expect(lifetime).toBeLessThanOrEqual(72 * MS_PER_HOUR + 1000);
    // Before the invitation is accepted the account has no password at all.
    expect((await userByLogin(body.login))!.passwordHash).toBeNull();

    expect((await post('/api/auth/password/reset', { login: body.login, code, newPassword: 'MatKhauCuaToi2026' })).status).toBe(200);
    const signedIn = await post('/api/auth/login', { login: body.login, password: 'MatKhauCuaToi2026' });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ passwordChangeRequired: false });
  });

  it('refuses a wrong, a reused and an expired invitation code with 400 and a Vietnamese message', async () => {
    const body = newOfficer();
    expect((await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users`, body)).status).toBe(201);
    const code = await codeByEmail(body.email);
    const wrong = await post('/api/auth/password/reset', {
      login: body.login,
      code: code === '000000' ? '111111' : '000000',
      newPassword: 'MatKhauCuaToi2026',
    });
    expect(wrong.status).toBe(400);
    expect((await readProblem(wrong)).detail).toBe('Mã xác thực không đúng.');
    expect((await post('/api/auth/password/reset', { login: body.login, code, newPassword: 'MatKhauCuaToi2026' })).status).toBe(200);
    const reused = await post('/api/auth/password/reset', { login: body.login, code, newPassword: 'MatKhauKhac2026' });
    expect(reused.status).toBe(400);
    expect((await readProblem(reused)).detail).toBe('Mã xác thực đã được dùng. Hãy yêu cầu mã mới.');

    const late = newOfficer();
    const created = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users`, late);
    const { id } = (await created.json()) as { id: string };
    const lateCode = await codeByEmail(late.email);
    await deps.db
      .update(schema.oneTimeCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.oneTimeCodes.userId, id));
    const expired = await post('/api/auth/password/reset', { login: late.login, code: lateCode, newPassword: 'MatKhauCuaToi2026' });
    expect(expired.status).toBe(400);
    expect((await readProblem(expired)).detail).toBe('Mã xác thực đã hết hạn. Hãy yêu cầu mã mới.');
    expect((await userByLogin(late.login))!.passwordHash).toBeNull();
  });

  it('the ministry appoints a province admin by invitation; the appointee sets their password and signs in', async () => {
    const ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_admin'), someIp());
    const person = { ...newOfficer(), orgUnitId: undefined };
    const appointed = await call(app, ministry, 'POST', `/api/tenants/${world.tenantId}/province-admins`, { ...person, reason: 'Văn bản đăng ký số 7/UBND' });
    expect(appointed.status).toBe(201);
    const answer = await appointed.text();
    expect(JSON.parse(answer)).toMatchObject({ invitationSentBy: 'email' });
    const code = await codeByEmail(person.email);
    expect(answer).not.toContain(code);
    expect((await post('/api/auth/password/reset', { login: person.login, code, newPassword: 'MatKhauQuanTri2026' })).status).toBe(200);
    await signIn(app, person.login, someIp(), 'MatKhauQuanTri2026');
  });

  it("an admin's reset ends the password and the sessions and sends the officer a code; the answer and the audit hold no code", async () => {
    const body = newOfficer();
    const created = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users`, body);
    const { id } = (await created.json()) as { id: string };
    const invitation = await codeByEmail(body.email);
    expect((await post('/api/auth/password/reset', { login: body.login, code: invitation, newPassword: 'MatKhauCu2026' })).status).toBe(200);
    const session = await signIn(app, body.login, someIp(), 'MatKhauCu2026');

    const reset = await call(app, admin, 'POST', `/api/tenants/${world.tenantId}/users/${id}/reset-password`);
    expect(reset.status).toBe(200);
    const answer = await reset.text();
    expect(JSON.parse(answer)).toEqual({ userId: id, codeSentBy: 'email' });
    expect((await call(app, session, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await post('/api/auth/login', { login: body.login, password: 'MatKhauCu2026' })).status).toBe(401);
    const [mail] = (
      await eventually(
        () => emailsTo(body.email),
        (list) => list.length >= 2,
      )
    ).slice(1);
    const code = codeIn(mail!.text)!;
    expect(mail!.text).toContain('đặt lại mật khẩu');
    expect(answer).not.toContain(code);
    expect(answer).not.toMatch(/password/i);
    expect(JSON.stringify(await auditOf(id))).not.toContain(code);
    expect((await post('/api/auth/password/reset', { login: body.login, code, newPassword: 'MatKhauMoi2026' })).status).toBe(200);
    await signIn(app, body.login, someIp(), 'MatKhauMoi2026');
  });
});
