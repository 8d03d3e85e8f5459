import { MS_PER_DAY } from '@gov/calendar';
import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, connEnv, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Feedback (phản ánh, kiến nghị) over HTTP: who may send it, who sees and answers it, across two
// provinces; what is published; the report counts; the per-address limit.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let own: TenantWorld;
let other: TenantWorld;
let citizen: Session;
let citizenId: string;
let admin: Session;
let clerk: Session;
let otherAdmin: Session;
let ministry: Session;
const f = schema.feedbackItems;

/** An address of its own per test: the send limit is counted per address in PostgreSQL. */
const freshIp = () => `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function send(tenantId: string, body: unknown, opts: { session?: Session; ip?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.session) Object.assign(headers, { Cookie: opts.session.cookie, 'X-CSRF-Token': opts.session.csrf });
  return app.request(`/api/tenants/${tenantId}/feedback`, { method: 'POST', headers, body: JSON.stringify(body) }, connEnv(opts.ip ?? freshIp()));
}

const CONTACT = { name: 'Trần Văn Góp Ý', phone: '0912000555' };
const aboutUnit = (unitId: string) => ({ subject: 'unit', unitId });
const items = (tenantId: string) => withTenant(deps.sql, tenantId, (tx) => tx.select().from(f).where(eq(f.tenantId, tenantId)));

async function sent(tenantId: string, body: unknown, session?: Session): Promise<string> {
  const response = await send(tenantId, body, { session });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return ((await response.json()) as { feedbackId: string }).feedbackId;
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  const login = await createGlobalUser(deps.db, 'citizen');
  citizenId = (await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)))[0]!.id;
  citizen = await signIn(app, login, '203.0.113.50');
  admin = await signIn(app, own.logins.province_admin, '203.0.113.51');
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.52');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.53');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.54');
});
afterAll(close);

describe('sending feedback', () => {
  it('takes feedback from anyone leaving contact details, due in 5 working days, with its workflow start in the same transaction', async () => {
    const response = await send(own.tenantId, {
      about: aboutUnit(own.wardTeamId),
      content: '  Thái độ tiếp dân chưa tốt.  ',
      contact: CONTACT,
      publishConsent: true,
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { feedbackId: string; receivedAt: string; dueAt: string };
    const [row] = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(f).where(eq(f.id, answer.feedbackId)));
    expect(row).toMatchObject({
      status: 'open',
      unitId: own.wardTeamId,
      contactName: CONTACT.name,
      contactPhone: CONTACT.phone,
      content: 'Thái độ tiếp dân chưa tốt.',
    });
    // Five working days of 8 hours: more than four calendar days whatever the hour (the calendar's
    // own rule is tested in feedback-deadlines.test.ts).
    expect(row!.dueAt.getTime() - row!.receivedAt.getTime()).toBeGreaterThan(4 * MS_PER_DAY);
    expect(answer.dueAt).toBe(row!.dueAt.toISOString());
    const [start] = await withTenant(deps.sql, own.tenantId, (tx) =>
      tx
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.topic, 'feedback.start'), eq(schema.outbox.tenantId, own.tenantId))),
    ).then((rows) => rows.filter((o) => (o.payload as { input: { feedbackId: string } }).input.feedbackId === answer.feedbackId));
    expect((start!.payload as { input: { dueAt: string; remindAt: string } }).input.dueAt).toBe(answer.dueAt);
    // Audited without the author's contact.
    const [entry] = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, answer.feedbackId)));
    expect(entry).toMatchObject({ action: 'feedback.received', subjectType: 'Feedback' });
    expect(JSON.stringify(entry!.details)).not.toContain(CONTACT.phone);
  });

  it('refuses feedback with neither an account nor a way to answer, in Vietnamese, and writes nothing', async () => {
    const before = (await items(own.tenantId)).length;
    for (const body of [
      { about: aboutUnit(own.wardTeamId), content: 'Không để lại liên hệ' },
      { about: aboutUnit(own.wardTeamId), content: 'Chỉ có tên', contact: { name: 'Ẩn Danh' } },
    ]) {
      const response = await send(own.tenantId, body);
      expect(response.status).toBe(400);
      expect((await readProblem(response)).detail).toBe('Vui lòng đăng nhập hoặc để lại họ tên cùng số điện thoại hoặc email để nhận trả lời.');
    }
    const empty = await send(own.tenantId, { about: aboutUnit(own.wardTeamId), content: '   ', contact: CONTACT });
    expect(empty.status).toBe(400);
    const badEmail = await send(own.tenantId, { about: aboutUnit(own.wardTeamId), content: 'Nội dung', contact: { name: 'A', email: 'khong-phai-email' } });
    expect(badEmail.status).toBe(400);
    // A unit of another province is not one of this province's.
    const elsewhere = await send(own.tenantId, { about: aboutUnit(other.wardTeamId), content: 'Nội dung', contact: CONTACT });
    expect(elsewhere.status).toBe(404);
    expect((await items(own.tenantId)).length).toBe(before);
  });

  it('takes a signed-in citizen’s feedback about their own dossier for the unit holding it, and refuses it about another’s', async () => {
    const [procedure] = await deps.db.select({ id: schema.procedures.id }).from(schema.procedures).limit(1);
    const dossierOf = (applicantUserId: string | null) =>
      withTenant(deps.sql, own.tenantId, async (tx) => {
        const id = randomUUID();
        await tx.insert(schema.dossiers).values({
          tenantId: own.tenantId,
          id,
          code: `PA-${id.slice(0, 8)}`,
          procedureId: procedure!.id,
          channel: 'online',
          receivingUnitId: own.wardId,
          currentUnitId: own.departmentId,
          applicantUserId,
          applicantName: 'Nguyễn Thị Phản Ánh',
          nationalStatus: 4,
          localStatus: 'x',
          receivedAt: new Date(),
        });
        return id;
      });
    const mine = await dossierOf(citizenId);
    const id = await sent(own.tenantId, { about: { subject: 'dossier', dossierId: mine }, content: 'Hồ sơ chậm.' }, citizen);
    const [row] = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(f).where(eq(f.id, id)));
    expect(row).toMatchObject({ subject: 'dossier', dossierId: mine, unitId: own.departmentId, authorUserId: citizenId, contactName: null });
    const notMine = await send(own.tenantId, { about: { subject: 'dossier', dossierId: await dossierOf(null) }, content: 'Hồ sơ chậm.', contact: CONTACT });
    expect(notMine.status).toBe(403);
  });

  it('limits sending per address', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await send(own.tenantId, { about: aboutUnit(own.wardTeamId), content: `Lần ${i}`, contact: CONTACT }, { ip })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });
});

describe('answering feedback', () => {
  const list = async (session: Session, query = '', world: TenantWorld = own) => call(app, session, 'GET', `/api/tenants/${world.tenantId}/feedback${query}`);
  const answer = (session: Session, id: string, text: string, world: TenantWorld = own) =>
    call(app, session, 'POST', `/api/tenants/${world.tenantId}/feedback/${id}/answer`, { answer: text });

  it('lists to the officers of the responsible unit and the province admins only, pages and filters by status', async () => {
    const atWard = await sent(own.tenantId, { about: aboutUnit(own.wardTeamId), content: 'Phường', contact: CONTACT });
    const atDepartment = await sent(own.tenantId, { about: aboutUnit(own.departmentId), content: 'Sở', contact: CONTACT });
    const ids = async (session: Session, query = '') => ((await (await list(session, query)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await ids(clerk, '?pageSize=100')).toContain(atWard);
    expect(await ids(clerk, '?pageSize=100')).not.toContain(atDepartment);
    expect(await ids(admin, '?pageSize=100')).toEqual(expect.arrayContaining([atWard, atDepartment]));
    const page = (await (await list(admin, '?pageSize=1&status=open')).json()) as { items: { status: string; authorName: string }[]; total: number };
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(page.items[0]).toMatchObject({ status: 'open' });
    expect(JSON.stringify(page)).not.toContain(CONTACT.phone);
    expect((await list(otherAdmin)).status).toBe(403);
    expect((await list(otherAdmin, '', other)).status).toBe(200);
    expect((await list(admin, '?status=closed')).status).toBe(400);
  });

  it('is answered once by an officer of the unit, audited, and the workflow told through the outbox', async () => {
    const id = await sent(own.tenantId, { about: aboutUnit(own.wardTeamId), content: 'Xin hướng dẫn.', contact: CONTACT, publishConsent: true });
    const quiet = await sent(own.tenantId, { about: aboutUnit(own.wardTeamId), content: 'Riêng tư.', contact: CONTACT });
    const atDepartment = await sent(own.tenantId, { about: aboutUnit(own.departmentId), content: 'Sở', contact: CONTACT });
    expect((await answer(clerk, atDepartment, 'Không phải đơn vị tôi')).status).toBe(403);
    expect((await answer(otherAdmin, id, 'Tỉnh khác')).status).toBe(403);
    expect((await answer(ministry, id, 'Bộ')).status).toBe(403);
    expect((await answer(clerk, id, '  ')).status).toBe(400);
    const done = await answer(clerk, id, 'Đã hướng dẫn qua điện thoại.');
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'answered', onTime: true });
    expect((await answer(admin, id, 'Lần hai')).status).toBe(409);
    expect((await answer(clerk, quiet, 'Đã tiếp thu.')).status).toBe(200);
    const [row] = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(f).where(eq(f.id, id)));
    expect(row).toMatchObject({ status: 'answered', answer: 'Đã hướng dẫn qua điện thoại.' });
    const [entry] = await withTenant(deps.sql, own.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.subjectId, id), eq(schema.auditLog.action, 'feedback.answered'))),
    );
    expect(entry).toMatchObject({ subjectType: 'Feedback', details: { onTime: true } });
    const signals = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(schema.outbox).where(eq(schema.outbox.topic, 'feedback.answered')));
    expect(signals.map((s) => s.payload)).toContainEqual(expect.objectContaining({ feedbackId: id }));

    // Published only with consent, and without anything about the author.
    const published = await app.request(`/api/public/provinces/${own.tenantId}/feedback?pageSize=50`);
    expect(published.status).toBe(200);
    const body = (await published.json()) as { items: { id: string; answer: string }[] };
    expect(body.items.map((i) => i.id)).toContain(id);
    expect(body.items.map((i) => i.id)).not.toContain(quiet);
    expect(JSON.stringify(body)).not.toContain(CONTACT.name);
    expect(JSON.stringify(body)).not.toContain(CONTACT.phone);
    const elsewhere = (await (await app.request(`/api/public/provinces/${other.tenantId}/feedback`)).json()) as { items: unknown[] };
    expect(elsewhere.items).toEqual([]);
  });
});

describe('counts for the province’s reports', () => {
  it('counts answered on time, answered late and open past the due time, for report readers only', async () => {
    const day = MS_PER_DAY;
    const now = Date.now();
    await withTenant(deps.sql, other.tenantId, (tx) =>
      tx.insert(f).values([
        {
          tenantId: other.tenantId,
          subject: 'unit',
          unitId: other.wardTeamId,
          contactName: 'A',
          contactEmail: 'a@example.vn',
          content: 'x',
          receivedAt: new Date(now - 2 * day),
          dueAt: new Date(now - day),
        },
        {
          tenantId: other.tenantId,
          subject: 'unit',
          unitId: other.wardTeamId,
          contactName: 'B',
          contactEmail: 'b@example.vn',
          content: 'x',
          receivedAt: new Date(now - 2 * day),
          dueAt: new Date(now - day),
          status: 'answered',
          answer: 'Muộn',
          answeredAt: new Date(now - 60_000),
          answeredBy: citizenId,
        },
        {
          tenantId: other.tenantId,
          subject: 'unit',
          unitId: other.wardTeamId,
          contactName: 'C',
          contactEmail: 'c@example.vn',
          content: 'x',
          receivedAt: new Date(now - 60_000),
          dueAt: new Date(now + 5 * day),
          status: 'answered',
          answer: 'Kịp',
          answeredAt: new Date(now - 30_000),
          answeredBy: citizenId,
        },
        {
          tenantId: other.tenantId,
          subject: 'unit',
          unitId: other.wardTeamId,
          contactName: 'D',
          contactEmail: 'd@example.vn',
          content: 'x',
          receivedAt: new Date(now - 60_000),
          dueAt: new Date(now + 5 * day),
        },
      ]),
    );
    // Two days back may fall in last month: ask for a period that covers it.
    const from = new Date(now - 3 * day).toISOString().slice(0, 10);
    const counts = await call(app, otherAdmin, 'GET', `/api/tenants/${other.tenantId}/feedback-counts?from=${from}`);
    expect(counts.status).toBe(200);
    expect(await counts.json()).toMatchObject({ received: 4, answeredOnTime: 1, answeredLate: 1, openOverdue: 1, openInTime: 1 });
    expect((await call(app, admin, 'GET', `/api/tenants/${other.tenantId}/feedback-counts`)).status).toBe(403);
    expect((await call(app, clerk, 'GET', `/api/tenants/${own.tenantId}/feedback-counts`)).status).toBe(403);
    expect((await call(app, otherAdmin, 'GET', `/api/tenants/${other.tenantId}/feedback-counts?from=2026-13-01`)).status).toBe(400);
  });
});
