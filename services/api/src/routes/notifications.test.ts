import { randomUUID } from 'node:crypto';
import { vietnamDate } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { spawnStandIns, type SpawnedStandIns } from '@gov/stand-ins';
import { startOutboxRelay, type OutboxRelay } from '@gov/workflows';
import { Client, Connection } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { eventually } from '../testing/dossier-client.js';
import { freshProcedure } from '../testing/dossier-world.js';
import { TEST_ZNS_TEMPLATE_IDS, standInTransports } from '../testing/stand-in-transports.js';
import { ANY_REVISION, buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Notifications per province over the network: the relay sends through the stand-ins' SMTP, SMS
// and ZNS servers, as the worker does, and the API reads back what each province spent.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let hanoi: TenantWorld;
let other: TenantWorld;
let standIns: SpawnedStandIns;
let relay: OutboxRelay;
let connection: Connection;
let procedureId: string;
const s: Record<'hanoiAdmin' | 'otherAdmin' | 'ministry' | 'citizen', Session> = {} as never;
let citizenId: string;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [hanoi, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  const code = await freshProcedure(deps.db, false);
  procedureId = (await deps.db.select({ id: schema.procedures.id }).from(schema.procedures).where(eq(schema.procedures.code, code)))[0]!.id;
  standIns = await spawnStandIns({ env: process.env });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  relay = startOutboxRelay({
    sql: deps.sql,
    engine: { client: new Client({ connection, namespace: inject('temporalNamespace') }), taskQueue: 'notifications-test-unused' },
    tenantIds: () => [hanoi.tenantId, other.tenantId],
    intervalMs: 100,
    transports: standInTransports(standIns),
  });
  s.hanoiAdmin = await signIn(app, hanoi.logins.province_admin);
  s.otherAdmin = await signIn(app, other.logins.province_admin);
  s.ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'));
  const citizenLogin = await createGlobalUser(deps.db, 'citizen');
  s.citizen = await signIn(app, citizenLogin);
  citizenId = (await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, citizenLogin)))[0]!.id;
});
afterAll(async () => {
  await relay?.stop();
  await Promise.allSettled([standIns?.stop(), connection?.close()]);
  await close();
});

/** A dossier of the province with the given contacts, and a notification about it in the outbox. */
async function notify(world: TenantWorld, contacts: { email?: string; phone?: string; userId?: string }, template = 'dossier.accepted'): Promise<string> {
  return withTenant(deps.sql, world.tenantId, async (tx) => {
    const [dossier] = await tx
      .insert(schema.dossiers)
      .values({
        tenantId: world.tenantId,
        code: `TB-${randomUUID().slice(0, 8)}`,
        procedureId,
        channel: 'online',
        receivingUnitId: world.wardId,
        currentUnitId: world.wardId,
        applicantUserId: contacts.userId ?? null,
        applicantName: 'Nguyễn Văn Thông Báo',
        applicantEmail: contacts.email ?? null,
        applicantPhone: contacts.phone ?? null,
        nationalStatus: 4,
        localStatus: 'processing',
        receivedAt: new Date(),
      })
      .returning();
    const [row] = await tx
      .insert(schema.outbox)
      .values({ tenantId: world.tenantId, topic: 'notification.dossier', payload: { dossierId: dossier!.id, template } })
      .returning();
    return row!.id;
  });
}

async function setSender(session: Session, world: TenantWorld, body: Record<string, string | null>): Promise<Response> {
  const current = await call(app, session, 'GET', `/api/tenants/${world.tenantId}/notification-sender`);
  expect(current.status).toBe(200);
  return call(app, session, 'PUT', `/api/tenants/${world.tenantId}/notification-sender`, body, { 'If-Match': current.headers.get('ETag')! });
}

const usage = async (session: Session, world: TenantWorld) => call(app, session, 'GET', `/api/tenants/${world.tenantId}/notification-usage`);
const thisMonth = () => vietnamDate(new Date()).slice(0, 7);
const countOf = (items: { month: string; channel: string; sent: number; failed: number }[], channel: string) =>
  items.find((i) => i.month === thisMonth() && i.channel === channel) ?? { sent: 0, failed: 0 };

describe('each province sends as itself', () => {
  it('a Hà Nội notification carries Hà Nội’s brand name and email sender, another province’s its own, and an unset one the platform default', async () => {
    const saved = await setSender(s.hanoiAdmin, hanoi, {
      smsBrandname: 'UBND HN',
      mailFromName: 'Một cửa Hà Nội',
      mailFromAddress: 'motcua@hanoi.gov.vn',
      zaloOaId: '4318000001',
    });
    expect(saved.status).toBe(200);
    const [hnEmail, otherEmail] = [`hn-${randomUUID().slice(0, 6)}@example.vn`, `kh-${randomUUID().slice(0, 6)}@example.vn`];
    await notify(hanoi, { email: hnEmail, phone: '0912000001' });
    await notify(other, { email: otherEmail, phone: '0912000002' });
    const received = await eventually(
      () => standIns.messages(),
      (m) =>
        m.emails.some((e) => e.to.includes(hnEmail)) &&
        m.emails.some((e) => e.to.includes(otherEmail)) &&
        m.sms.filter((x) => /^0912000002$|^0912000001$/.test(x.to)).length === 2,
    );
    expect(received.emails.find((e) => e.to.includes(hnEmail))!.from).toBe('Một cửa Hà Nội <motcua@hanoi.gov.vn>');
    expect(received.sms.find((x) => x.to === '0912000001')!.brandname).toBe('UBND HN');
    // The other province never set a sender: the platform's.
    expect(received.emails.find((e) => e.to.includes(otherEmail))!.from).toBe('Một cửa thử nghiệm <khong-tra-loi@motcua.local>');
    expect(received.sms.find((x) => x.to === '0912000002')!.brandname).toBe('MOTCUA');

    const ownSetting = await setSender(s.otherAdmin, other, {
      smsBrandname: 'KHANHHOA',
      mailFromName: null,
      mailFromAddress: 'motcua@khanhhoa.gov.vn',
      zaloOaId: null,
    });
    expect(ownSetting.status).toBe(200);
    const laterEmail = `kh2-${randomUUID().slice(0, 6)}@example.vn`;
    await notify(other, { email: laterEmail, phone: '0912000003' });
    const later = await eventually(
      () => standIns.messages(),
      (m) => m.emails.some((e) => e.to.includes(laterEmail)) && m.sms.some((x) => x.to === '0912000003'),
    );
    // Only the address was set: the platform's name with the province's address.
    expect(later.emails.find((e) => e.to.includes(laterEmail))!.from).toBe('Một cửa thử nghiệm <motcua@khanhhoa.gov.vn>');
    expect(later.sms.find((x) => x.to === '0912000003')!.brandname).toBe('KHANHHOA');
  });

  it('only the province’s admin changes its sender, based on the revision they saw, and the change is audited', async () => {
    const body = { smsBrandname: 'KHAC', mailFromName: null, mailFromAddress: null, zaloOaId: null };
    expect((await call(app, s.otherAdmin, 'PUT', `/api/tenants/${hanoi.tenantId}/notification-sender`, body, ANY_REVISION)).status).toBe(403);
    const stale = await call(
      app,
      s.hanoiAdmin,
      'PUT',
      `/api/tenants/${hanoi.tenantId}/notification-sender`,
      { smsBrandname: 'CU', mailFromName: null, mailFromAddress: null, zaloOaId: null },
      { 'If-Match': '"0"' },
    );
    expect(stale.status).toBe(412);
    const bad = await setSender(s.hanoiAdmin, hanoi, {
      smsBrandname: 'Một cửa Hà Nội',
      mailFromName: null,
      mailFromAddress: 'khong-phai-email',
      zaloOaId: 'abc',
    });
    expect(bad.status).toBe(400);
    const audited = await withTenant(deps.sql, hanoi.tenantId, (tx) =>
      tx
        .select({ details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, hanoi.tenantId), eq(schema.auditLog.action, 'notification_sender.updated'))),
    );
    expect(audited.map((a) => (a.details as { smsBrandname: string }).smsBrandname)).toEqual(['UBND HN']);
  });
});

describe('the citizen’s channel', () => {
  it('a citizen who prefers Zalo gets one ZNS message with the template data, and no email or SMS', async () => {
    expect((await call(app, s.citizen, 'PUT', '/api/me/notification-preference', { channel: 'zalo' })).status).toBe(200);
    expect(await (await call(app, s.citizen, 'GET', '/api/me/notification-preference')).json()).toEqual({ channel: 'zalo' });
    const email = `zalo-${randomUUID().slice(0, 6)}@example.vn`;
    const outboxId = await notify(hanoi, { email, phone: '0987 000 111', userId: citizenId });
    const received = await eventually(
      () => standIns.messages(),
      (m) => m.zalo.some((z) => z.trackingId === outboxId),
    );
    const zns = received.zalo.find((z) => z.trackingId === outboxId)!;
    expect(zns.phone).toBe('84987000111');
    expect(zns.templateId).toBe(TEST_ZNS_TEMPLATE_IDS['dossier.accepted']);
    expect(zns.templateData).toMatchObject({ dossier_code: expect.stringMatching(/^TB-/) as unknown, procedure_name: 'Đăng ký thử nghiệm hồ sơ một cửa' });
    await eventually(
      () =>
        withTenant(deps.sql, hanoi.tenantId, (tx) =>
          tx
            .select()
            .from(schema.outbox)
            .where(and(eq(schema.outbox.tenantId, hanoi.tenantId), eq(schema.outbox.id, outboxId))),
        ),
      (rows) => rows[0]?.dispatchedAt != null,
    );
    const after = await standIns.messages();
    expect(after.emails.filter((e) => e.to.includes(email))).toEqual([]);
    expect(after.sms.filter((x) => x.to === '0987 000 111')).toEqual([]);
  });

  it('a number ZNS refuses for good gets the message by SMS instead, and the refusal is counted, not retried', async () => {
    const outboxId = await notify(hanoi, { phone: '0123', userId: citizenId });
    const received = await eventually(
      () => standIns.messages(),
      (m) => m.sms.some((x) => x.id === `${outboxId}@motcua.local`),
    );
    expect(received.zalo.filter((z) => z.trackingId === outboxId)).toEqual([]);
    const deliveries = await withTenant(deps.sql, hanoi.tenantId, (tx) =>
      tx
        .select({
          channel: schema.notificationDeliveries.channel,
          status: schema.notificationDeliveries.status,
          errorCode: schema.notificationDeliveries.errorCode,
        })
        .from(schema.notificationDeliveries)
        .where(and(eq(schema.notificationDeliveries.tenantId, hanoi.tenantId), eq(schema.notificationDeliveries.messageId, outboxId))),
    );
    // -108: Zalo's "phone number is invalid".
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { channel: 'zalo', status: 'failed', errorCode: '-108' },
        { channel: 'sms', status: 'sent', errorCode: null },
      ]),
    );
    expect(deliveries).toHaveLength(2);
  });

  it('only a citizen has a channel to choose, and only a known one', async () => {
    expect((await call(app, s.hanoiAdmin, 'PUT', '/api/me/notification-preference', { channel: 'sms' })).status).toBe(403);
    expect((await call(app, s.citizen, 'PUT', '/api/me/notification-preference', { channel: 'fax' })).status).toBe(400);
  });

  it('ZNS failing, then back: the message is retried and delivered once, the failure counted', async () => {
    const before = countOf(((await (await usage(s.hanoiAdmin, hanoi)).json()) as { items: [] }).items, 'zalo');
    await standIns.setMode('zalo', 'fail');
    const outboxId = await notify(hanoi, { phone: '0987000222', userId: citizenId });
    await eventually(
      () =>
        withTenant(deps.sql, hanoi.tenantId, (tx) =>
          tx
            .select()
            .from(schema.notificationDeliveries)
            .where(and(eq(schema.notificationDeliveries.tenantId, hanoi.tenantId), eq(schema.notificationDeliveries.messageId, outboxId))),
        ),
      (rows) => rows.some((r) => r.status === 'failed' && r.errorCode === '-100'),
    );
    await standIns.setMode('zalo', 'ok');
    // The relay backs off 5 s after the first failure.
    await eventually(
      () => standIns.messages(),
      (m) => m.zalo.some((z) => z.trackingId === outboxId),
      30_000,
    );
    await eventually(
      () =>
        withTenant(deps.sql, hanoi.tenantId, (tx) =>
          tx
            .select()
            .from(schema.outbox)
            .where(and(eq(schema.outbox.tenantId, hanoi.tenantId), eq(schema.outbox.id, outboxId))),
        ),
      (rows) => rows[0]?.dispatchedAt != null,
    );
    expect((await standIns.messages()).zalo.filter((z) => z.trackingId === outboxId)).toHaveLength(1);
    const now = countOf(((await (await usage(s.hanoiAdmin, hanoi)).json()) as { items: [] }).items, 'zalo');
    expect(now.sent - before.sent).toBe(1);
    expect(now.failed - before.failed).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe('usage per province', () => {
  it('counts each province’s messages of the month apart, for its admin and the ministry only', async () => {
    const read = async (session: Session, world: TenantWorld) => countOf(((await (await usage(session, world)).json()) as { items: [] }).items, 'sms');
    const [hanoiBefore, otherBefore] = [await read(s.hanoiAdmin, hanoi), await read(s.otherAdmin, other)];
    const outboxId = await notify(hanoi, { phone: '0912000444' });
    await eventually(
      () => standIns.messages(),
      (m) => m.sms.some((x) => x.id === `${outboxId}@motcua.local`),
    );
    await eventually(
      () => read(s.hanoiAdmin, hanoi),
      (c) => c.sent === hanoiBefore.sent + 1,
    );
    expect(await read(s.otherAdmin, other)).toEqual(otherBefore);
    // Another province's admin may not read Hà Nội's usage; the ministry reads every province.
    expect((await usage(s.otherAdmin, hanoi)).status).toBe(403);
    expect((await call(app, s.hanoiAdmin, 'GET', '/api/reports/notification-usage')).status).toBe(403);
    const national = (await (await call(app, s.ministry, 'GET', '/api/reports/notification-usage')).json()) as {
      items: { tenantId: string; month: string; channel: string; sent: number }[];
    };
    const line = national.items.find((i) => i.tenantId === hanoi.tenantId && i.month === thisMonth() && i.channel === 'sms');
    expect(line?.sent).toBe(hanoiBefore.sent + 1);
    const exported = await call(app, s.ministry, 'GET', '/api/reports/notification-usage?format=csv');
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('Gửi lỗi');
  });
});
