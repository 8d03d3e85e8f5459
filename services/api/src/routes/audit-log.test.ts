import { schema, withTenant } from '@gov/db';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readCsv, readXlsx } from '../testing/export-reader.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
const MARCH = 'from=2026-03-01&to=2026-03-31';
let a: TenantWorld;
let b: TenantWorld;
let adminA: Session;
let adminB: Session;
let ministry: Session;
let ministryLogin: string;

interface LogPage {
  items: { seq: number; action: string; subjectType: string; subjectId: string | null; actorLogin: string | null }[];
  total: number;
  page: number;
  pageSize: number;
}
interface ReadPage {
  items: { actorLogin: string; resource: string; resourceIds: Record<string, string> | null; national: boolean; requestId: string | null }[];
  total: number;
}

const userId = async (login: string) => (await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)))[0]!.id;

/** Audit rows written through the app role, as the services write them (the trigger chains them). */
async function seedLog(tenantId: string, rows: { action: string; subjectType: string; subjectId: string; at: string; actor?: string | null }[]) {
  await withTenant(deps.sql, tenantId, async (tx) => {
    for (const r of rows) {
      await tx.insert(schema.auditLog).values({
        tenantId,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        actorUserId: r.actor ?? null,
        occurredAt: new Date(r.at),
        details: { note: 'thử' },
      });
    }
  });
}

const getJson = async <T>(session: Session, path: string): Promise<T> => {
  const response = await call(app, session, 'GET', path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  ministryLogin = await createGlobalUser(deps.db, 'ministry_oversight');
  [adminA, adminB, ministry] = await Promise.all([signIn(app, a.logins.province_admin), signIn(app, b.logins.province_admin), signIn(app, ministryLogin)]);
  const actor = await userId(a.logins.province_admin);
  await seedLog(a.tenantId, [
    { action: 'org_unit.created', subjectType: 'org_unit', subjectId: 'u1', at: '2026-03-01T00:05:00+07:00', actor },
    { action: 'org_unit.updated', subjectType: 'org_unit', subjectId: 'u1', at: '2026-03-02T10:00:00+07:00', actor },
    { action: 'user.created', subjectType: 'user', subjectId: 'p1', at: '2026-03-03T23:30:00+07:00', actor },
    { action: 'user.deactivated', subjectType: 'user', subjectId: 'p2', at: '2026-03-04T00:10:00+07:00' },
    { action: 'org_unit.created', subjectType: 'org_unit', subjectId: 'u2', at: '2026-03-20T09:00:00+07:00' },
  ]);
  await seedLog(b.tenantId, [{ action: 'org_unit.created', subjectType: 'org_unit', subjectId: 'b-only', at: '2026-03-05T09:00:00+07:00' }]);
});

afterAll(async () => {
  await admin.end({ timeout: 1 });
  await close();
});

describe('audit-log viewer', () => {
  it('lists the province log newest first and filters by action, actor, subject and Vietnam civil days', async () => {
    const base = `/api/tenants/${a.tenantId}/audit-log?${MARCH}`;
    const all = await getJson<LogPage>(adminA, base);
    expect(all.total).toBe(5);
    expect(all.items.map((i) => i.subjectId)).toEqual(['u2', 'p2', 'p1', 'u1', 'u1']);
    expect((await getJson<LogPage>(adminA, `${base}&action=org_unit.`)).total).toBe(3);
    expect((await getJson<LogPage>(adminA, `${base}&action=org_unit.created`)).total).toBe(2);
    const byActor = await getJson<LogPage>(adminA, `${base}&actor=${encodeURIComponent(a.logins.province_admin.toUpperCase())}`);
    expect(byActor.items.map((i) => i.actorLogin)).toEqual([a.logins.province_admin, a.logins.province_admin, a.logins.province_admin]);
    expect((await getJson<LogPage>(adminA, `${base}&actor=${await userId(a.logins.province_admin)}`)).total).toBe(3);
    expect((await getJson<LogPage>(adminA, `${base}&subjectType=user&subjectId=p1`)).items.map((i) => i.action)).toEqual(['user.created']);
    // 3 March, Vietnam time: 23:30 on the 3rd is in, 00:10 on the 4th is not.
    const day = await getJson<LogPage>(adminA, `/api/tenants/${a.tenantId}/audit-log?from=2026-03-02&to=2026-03-03`);
    expect(day.items.map((i) => i.subjectId)).toEqual(['p1', 'u1']);
  });

  it('pages with a total, in the order of the chain', async () => {
    const base = `/api/tenants/${a.tenantId}/audit-log?${MARCH}&pageSize=2`;
    const [first, second, last] = await Promise.all([1, 2, 3].map((page) => getJson<LogPage>(adminA, `${base}&page=${page}`)));
    expect([first!.total, second!.total, last!.total]).toEqual([5, 5, 5]);
    expect(second).toMatchObject({ page: 2, pageSize: 2 });
    const seqs = [...first!.items, ...second!.items, ...last!.items].map((i) => i.seq);
    expect(seqs).toHaveLength(5);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
  });

  it("keeps each province admin to their own province's log", async () => {
    const refused = await call(app, adminA, 'GET', `/api/tenants/${b.tenantId}/audit-log`);
    expect(refused.status).toBe(403);
    expect((await call(app, adminA, 'GET', `/api/tenants/${b.tenantId}/audit-log/chain`)).status).toBe(403);
    const own = await getJson<LogPage>(adminB, `/api/tenants/${b.tenantId}/audit-log?${MARCH}`);
    expect(own.items.map((i) => i.subjectId)).toEqual(['b-only']);
    // The ministry reads either province.
    expect((await getJson<LogPage>(ministry, `/api/tenants/${b.tenantId}/audit-log?${MARCH}`)).total).toBe(1);
  });

  it('answers bad filters with a 400 problem in Vietnamese', async () => {
    for (const query of ['from=2026-02-30', 'from=2026-03-10&to=2026-03-01', 'pageSize=1000', 'page=0', 'action=DROP%20TABLE', 'subjectType=a%25']) {
      const response = await call(app, adminA, 'GET', `/api/tenants/${a.tenantId}/audit-log?${query}`);
      expect(response.status, query).toBe(400);
      const problem = await readProblem(response);
      expect(problem.translations.vi.detail).toMatch(/không hợp lệ/);
    }
  });

  it('reports an intact chain, then the first broken link once a row is tampered with', async () => {
    const chain = `/api/tenants/${b.tenantId}/audit-log/chain`;
    await seedLog(b.tenantId, [
      { action: 'user.created', subjectType: 'user', subjectId: 'b2', at: '2026-03-06T09:00:00+07:00' },
      { action: 'user.created', subjectType: 'user', subjectId: 'b3', at: '2026-03-07T09:00:00+07:00' },
    ]);
    const intact = await getJson<{ ok: boolean; rows: number; firstBroken: unknown }>(adminB, chain);
    expect(intact.ok).toBe(true);
    expect(intact.firstBroken).toBeNull();
    // Only a superuser with triggers off can rewrite history; the chain still tells.
    await admin.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update audit_log set subject_id = 'b2-forged' where tenant_id = ${b.tenantId} and subject_id = 'b2'`;
    });
    const [forged] = await admin<{ seq: string }[]>`select seq::text from audit_log where tenant_id = ${b.tenantId} and subject_id = 'b2-forged'`;
    const broken = await getJson<{ ok: boolean; firstBroken: { seq: number; problem: string } }>(adminB, chain);
    expect(broken).toMatchObject({ ok: false, firstBroken: { seq: Number(forged!.seq), problem: 'content' } });
    expect(await getJson<{ ok: boolean }>(ministry, chain)).toMatchObject({ ok: false });
    // Province A's chain is untouched.
    expect(await getJson<{ ok: boolean }>(adminA, `/api/tenants/${a.tenantId}/audit-log/chain`)).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe('ministry reads', () => {
  const reads = (session: Session, tenantId: string) => getJson<ReadPage>(session, `/api/tenants/${tenantId}/ministry-reads?pageSize=100`);

  it("writes exactly one record per ministry report read, seen by that province's admin only", async () => {
    const resource = 'GET /api/reports/provinces/:tenantId/units';
    expect((await call(app, ministry, 'GET', `/api/reports/provinces/${a.tenantId}/units?${MARCH}`)).status).toBe(200);
    const seenByA = (await reads(adminA, a.tenantId)).items.filter((i) => i.resource === resource);
    expect(seenByA).toEqual([expect.objectContaining({ actorLogin: ministryLogin, national: false, resourceIds: null })]);
    expect((await reads(adminB, b.tenantId)).items.filter((i) => i.resource === resource)).toEqual([]);
    expect((await call(app, adminA, 'GET', `/api/tenants/${b.tenantId}/ministry-reads`)).status).toBe(403);
  });

  it('records reads of any province route by ministry staff, never a refused one, never a province read', async () => {
    expect((await call(app, ministry, 'GET', `/api/tenants/${a.tenantId}/users`)).status).toBe(200);
    expect((await call(app, ministry, 'GET', `/api/reports/provinces/${a.tenantId}/dossiers?page=0`)).status).toBe(400);
    expect((await call(app, adminA, 'GET', `/api/tenants/${a.tenantId}/org-units`)).status).toBe(200);
    // A read that is a POST: the province's due-date calculation.
    const dueDate = { receivedAt: '2026-02-13T18:30:00+07:00', amount: 5, unit: 'working_days' };
    expect((await call(app, ministry, 'POST', `/api/tenants/${a.tenantId}/calendar/due-date`, dueDate)).status).toBe(200);
    // National reads (by anyone at the ministry, other suites included) are left aside here.
    const items = (await reads(adminA, a.tenantId)).items.filter((i) => !i.national);
    expect(items.filter((i) => i.resource === 'GET /api/tenants/:tenantId/users')).toHaveLength(1);
    expect(items.filter((i) => i.resource === 'POST /api/tenants/:tenantId/calendar/due-date')).toHaveLength(1);
    expect(items.filter((i) => i.resource.endsWith('/api/reports/provinces/:tenantId/dossiers'))).toEqual([]);
    expect(items.every((i) => i.actorLogin === ministryLogin)).toBe(true);
  });

  it('shows a national report read to every province, as national', async () => {
    const national = async (session: Session, world: TenantWorld) =>
      (await reads(session, world.tenantId)).items.filter((i) => i.resource === 'GET /api/reports/provinces' && i.actorLogin === ministryLogin);
    const before = await Promise.all([national(adminA, a), national(adminB, b)]);
    expect((await call(app, ministry, 'GET', `/api/reports/provinces?${MARCH}`)).status).toBe(200);
    const after = await Promise.all([national(adminA, a), national(adminB, b)]);
    expect(after.map((rows) => rows.length)).toEqual(before.map((rows) => rows.length + 1));
    expect(after.flat().every((i) => i.national)).toBe(true);
  });

  it('is append-only for the app role', async () => {
    const code = await withTenant(deps.sql, a.tenantId, (tx) =>
      tx.$client`delete from ministry_reads`.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
    );
    expect(code).toBe('42501');
    const update = await withTenant(deps.sql, a.tenantId, (tx) =>
      tx.$client`update ministry_reads set resource = 'x'`.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
    );
    expect(update).toBe('42501');
  });
});

describe('exports of the audit log and the ministry reads (?format=csv|xlsx)', () => {
  const LOG_HEADERS = ['Số thứ tự', 'Thời điểm', 'Tài khoản', 'Người thực hiện', 'Thao tác', 'Loại đối tượng', 'Mã đối tượng', 'Chi tiết', 'Mã yêu cầu'];

  it('downloads every entry the filters match, unpaged, in Vietnam time, as CSV and XLSX', async () => {
    const path = `/api/tenants/${a.tenantId}/audit-log?${MARCH}&action=org_unit.&pageSize=1`;
    const csv = await readCsv(await call(app, adminA, 'GET', `${path}&format=csv`));
    expect(csv.filename).toMatch(/^Nhật ký thao tác .+ \d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.rows[0]).toEqual(LOG_HEADERS);
    // Newest first; the entry without an actor is the platform's, as the page says.
    expect(csv.rows.slice(1).map((row) => row.slice(1, 7))).toEqual([
      ['2026-03-20 09:00:00', '', 'Hệ thống', 'org_unit.created', 'org_unit', 'u2'],
      ['2026-03-02 10:00:00', a.logins.province_admin, expect.any(String), 'org_unit.updated', 'org_unit', 'u1'],
      ['2026-03-01 00:05:00', a.logins.province_admin, expect.any(String), 'org_unit.created', 'org_unit', 'u1'],
    ]);
    expect(csv.rows[1]![7]).toBe('{"note":"thử"}');
    const xlsx = await readXlsx(await call(app, adminA, 'GET', `${path}&format=xlsx`));
    expect(xlsx.rows[0]).toEqual(LOG_HEADERS);
    expect(xlsx.rows.slice(1).map((row) => [typeof row[0], row[1], row[4], row[7]])).toEqual([
      ['number', '2026-03-20 09:00:00', 'org_unit.created', '{"note":"thử"}'],
      ['number', '2026-03-02 10:00:00', 'org_unit.updated', '{"note":"thử"}'],
      ['number', '2026-03-01 00:05:00', 'org_unit.created', '{"note":"thử"}'],
    ]);
  });

  it("refuses a province admin another province's exports, with a problem and no file", async () => {
    for (const path of [`/api/tenants/${b.tenantId}/audit-log?format=csv`, `/api/tenants/${b.tenantId}/ministry-reads?format=xlsx`]) {
      const response = await call(app, adminA, 'GET', path);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('Content-Disposition'), path).toBeNull();
      expect((await readProblem(response)).translations.vi.detail, path).toBeTruthy();
    }
  });

  it('refuses an unknown format or bad dates with a 400 in Vietnamese', async () => {
    for (const query of ['format=ods', 'format=csv&from=2026-03-10&to=2026-03-01']) {
      for (const list of ['audit-log', 'ministry-reads']) {
        const response = await call(app, adminA, 'GET', `/api/tenants/${a.tenantId}/${list}?${query}`);
        expect(response.status, `${list}?${query}`).toBe(400);
        expect((await readProblem(response)).translations.vi.detail).toMatch(/không hợp lệ/);
      }
    }
  });

  it("downloads the ministry's reads of the province, and a ministry export of the log is itself recorded", async () => {
    const exported = await call(app, ministry, 'GET', `/api/tenants/${a.tenantId}/audit-log?format=xlsx`);
    expect(exported.status).toBe(200);
    await readXlsx(exported);
    const { filename, rows } = await readCsv(await call(app, adminA, 'GET', `/api/tenants/${a.tenantId}/ministry-reads?format=csv`));
    expect(filename).toMatch(/^Bộ đã xem dữ liệu .+\.csv$/);
    expect(rows[0]).toEqual(['Thời điểm', 'Tài khoản', 'Người xem', 'Dữ liệu đã xem', 'Mã định danh', 'Báo cáo toàn quốc', 'Mã yêu cầu']);
    const record = rows.find((row) => row[6] === exported.headers.get('X-Request-Id'));
    expect(record?.slice(1, 6)).toEqual([ministryLogin, expect.any(String), 'GET /api/tenants/:tenantId/audit-log', '', 'Không']);
    expect(record?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});
