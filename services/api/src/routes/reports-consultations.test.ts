import { vietnamInstant } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { testConsultation } from '@gov/db/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readCsv } from '../testing/export-reader.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Xin ý kiến các đơn vị, the province report of consultations (docs/domain/consultations.md, "In
// the reports"), in the scopes of the report by unit, and its export.
const { deps, close } = createTestDeps();
const app = createApp(deps);
const MARCH = 'from=2026-03-01&to=2026-03-31';
const vn = vietnamInstant;

let own: TenantWorld;
let other: TenantWorld;
let admin: Session;
let wardLeader: Session;
let otherAdmin: Session;
let ministry: Session;

/** A request `asking` opened to `consulted` in March 2026; `answeredAt` none means unanswered. */
const request = (world: TenantWorld, asking: string, consulted: [string, string], requestedAt: string, dueAt: string, answeredAt?: string) =>
  testConsultation({
    tenantId: world.tenantId,
    askingTenantId: world.tenantId,
    askingUnitId: asking,
    consultedTenantId: consulted[0],
    consultedUnitId: consulted[1],
    requestedAt: vn(requestedAt),
    dueAt: vn(dueAt),
    ...(answeredAt ? { answeredAt: vn(answeredAt) } : {}),
  });

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  const dept: [string, string] = [own.tenantId, own.departmentId];
  await withTenant(deps.sql, own.tenantId, (tx) =>
    tx.insert(schema.dossierConsultations).values([
      // The ward (the world leader's unit) asks the department: on time, late, unanswered past its deadline.
      request(own, own.wardId, dept, '2026-03-02T09:00', '2026-03-04T17:00', '2026-03-03T09:00'),
      request(own, own.wardId, dept, '2026-03-05T09:00', '2026-03-06T17:00', '2026-03-10T09:00'),
      request(own, own.wardId, dept, '2026-03-10T09:00', '2026-03-12T17:00'),
      // The ward asks another province's ward; the department asks the ward (outside the leader's subtree).
      request(own, own.wardId, [other.tenantId, other.wardId], '2026-03-11T09:00', '2026-03-13T17:00'),
      request(own, own.departmentId, [own.tenantId, own.wardId], '2026-03-03T09:00', '2026-03-05T17:00', '2026-03-04T09:00'),
      // Opened in April: not March's.
      request(own, own.wardId, dept, '2026-04-01T09:00', '2026-04-02T17:00'),
    ]),
  );
  admin = await signIn(app, own.logins.province_admin, '203.0.113.51');
  wardLeader = await signIn(app, own.logins.leader, '203.0.113.52');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.53');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.54');
});
afterAll(close);

interface Counts {
  opened: number;
  answeredOnTime: number;
  answeredLate: number;
  openOverdue: number;
}
interface ConsultationReport {
  scope: string;
  items: (Counts & { orgUnitId: string; name: string; otherProvince: boolean; code: string })[];
  totals: Counts;
}

const url = (query = MARCH, world: TenantWorld = own) => `/api/reports/provinces/${world.tenantId}/consultations?${query}`;
async function json(session: Session, path: string): Promise<ConsultationReport> {
  const response = await call(app, session, 'GET', path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ConsultationReport;
}

describe('the consultation report', () => {
  it('gives a province admin every unit asked, with the period’s requests as they stood at its end', async () => {
    const r = await json(admin, url());
    expect(r.scope).toBe('province');
    expect(r.items[0]!.orgUnitId).toBe(own.departmentId);
    const lines = Object.fromEntries(r.items.map(({ orgUnitId, code, ...line }) => [orgUnitId, { ...line, hasCode: code !== '' }]));
    expect(lines).toEqual({
      [own.departmentId]: { name: 'so-noi-vu', otherProvince: false, hasCode: true, opened: 3, answeredOnTime: 1, answeredLate: 1, openOverdue: 1 },
      [other.wardId]: { name: 'Đơn vị của tỉnh khác', otherProvince: true, hasCode: false, opened: 1, answeredOnTime: 0, answeredLate: 0, openOverdue: 1 },
      [own.wardId]: { name: 'phuong', otherProvince: false, hasCode: true, opened: 1, answeredOnTime: 1, answeredLate: 0, openOverdue: 0 },
    });
    expect(r.totals).toEqual({ opened: 5, answeredOnTime: 2, answeredLate: 1, openOverdue: 2 });
  });

  it("gives a unit leader the requests their subtree asked, and refuses another province's admin", async () => {
    const r = await json(wardLeader, url());
    expect(r.scope).toBe('units');
    expect(r.items.map((i) => i.orgUnitId)).toEqual([own.departmentId, other.wardId]);
    expect(r.totals).toEqual({ opened: 4, answeredOnTime: 1, answeredLate: 1, openOverdue: 2 });
    const foreign = await call(app, otherAdmin, 'GET', url());
    expect(foreign.status).toBe(403);
    expect((await readProblem(foreign)).detail).toMatch(/[àáảãạăâđêôơư]/);
  });

  it('answers a reversed period with a 400 in Vietnamese', async () => {
    const response = await call(app, admin, 'GET', url('from=2026-03-31&to=2026-03-01'));
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(JSON.stringify(problem)).toContain('ngày bắt đầu phải trước hoặc bằng ngày kết thúc');
  });

  it('exports the scope as CSV with Vietnamese headers, one line per unit asked and the line for the whole', async () => {
    const { filename, rows } = await readCsv(await call(app, wardLeader, 'GET', `${url()}&format=csv&lang=vi`));
    expect(filename).toMatch(/^Xin ý kiến các đơn vị .* 2026-03-01 2026-03-31\.csv$/);
    expect(rows[0]).toEqual([
      'Mã đơn vị',
      'Đơn vị được xin ý kiến',
      'Từ ngày',
      'Đến ngày',
      'Số yêu cầu xin ý kiến',
      'Trả lời đúng hạn',
      'Trả lời quá hạn',
      'Chưa trả lời, đã quá hạn',
    ]);
    expect(rows.slice(1).map((row) => [row[1], ...row.slice(4)])).toEqual([
      ['so-noi-vu', '3', '1', '1', '1'],
      ['Đơn vị của tỉnh khác', '1', '0', '0', '1'],
      [expect.stringMatching(/^Cộng các đơn vị phụ trách \(/), '4', '1', '1', '2'],
    ]);
  });

  it('lets the ministry read it, with the read recorded for the province', async () => {
    const response = await call(app, ministry, 'GET', url());
    expect(response.status).toBe(200);
    const id = response.headers.get('X-Request-Id')!;
    const reads = await call(app, ministry, 'GET', `/api/tenants/${own.tenantId}/ministry-reads?pageSize=100`);
    const items = ((await reads.json()) as { items: { requestId: string; resource: string }[] }).items;
    expect(items.find((r) => r.requestId === id)?.resource).toBe('GET /api/reports/provinces/:tenantId/consultations');
  });
});
