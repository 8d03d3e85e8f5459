import { randomUUID } from 'node:crypto';
import { vietnamDate } from '@gov/calendar';
import { schema, withTenant, type Sql } from '@gov/db';
import { createTenant, testProcedure } from '@gov/db/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session } from '../testing/world.js';
import { readCsv, readXlsx } from '../testing/export-reader.js';
import type { Problem } from '../testing/problem.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
const PERIOD = 'from=2026-03-01&to=2026-03-31';

interface Row {
  unit: 'ward' | 'department';
  channel: 'online' | 'in_person';
  status: number;
  receivedAt: string;
  dueAt?: string;
  finishedAt?: string;
  overdueAt?: string;
  /** When it closed without a result (3, 7, 8); one with a result closes at `finishedAt`. */
  closedAt?: string;
}

/** A province with two receiving units and the given dossiers, written through the app role. */
async function seedProvince(sql: Sql, name: string, rows: Row[]) {
  const tenantId = await createTenant(inject('ownerDatabaseUrl'), name);
  return withTenant(sql, tenantId, async (tx) => {
    const units = { ward: randomUUID(), department: randomUUID() };
    for (const [key, id] of Object.entries(units)) {
      await tx.insert(schema.orgUnits).values({
        tenantId,
        id,
        path: [id],
        code: `${key}-${id.slice(0, 6)}`.toUpperCase(),
        name: key === 'ward' ? 'Phường Một' : 'Sở Hai',
        kind: key === 'ward' ? 'commune_one_stop' : 'department',
      });
    }
    const [procedure] = await tx.insert(schema.procedures).values(testProcedure('Thủ tục báo cáo')).returning();
    const date = (s?: string) => (s ? new Date(s) : null);
    for (const [i, r] of rows.entries()) {
      const unitId = units[r.unit];
      await tx.insert(schema.dossiers).values({
        tenantId,
        code: `BC-${randomUUID().slice(0, 8)}-${i}`,
        procedureId: procedure!.id,
        channel: r.channel,
        receivingUnitId: unitId,
        currentUnitId: unitId,
        applicantName: 'Nguyễn Văn Báo Cáo',
        applicantIdSuffix: '1234',
        nationalStatus: r.status,
        localStatus: 'x',
        receivedAt: new Date(r.receivedAt),
        dueAt: date(r.dueAt),
        finishedAt: date(r.finishedAt),
        overdueAt: date(r.overdueAt),
        closedAt: date(r.finishedAt ?? r.closedAt),
      });
    }
    return { tenantId, ...units };
  });
}

const FAR = '2030-01-01T10:00:00+07:00';
// Province A in March 2026 (Vietnam time): 7 dossiers received in it, one carried over from the
// last minute of February, one received on 1 April.
const PROVINCE_A: Row[] = [
  { unit: 'ward', channel: 'online', status: 4, receivedAt: '2026-03-02T09:00:00+07:00', dueAt: FAR },
  { unit: 'ward', channel: 'in_person', status: 4, receivedAt: '2026-03-05T09:00:00+07:00', dueAt: '2026-03-10T17:00:00+07:00' },
  // Overdue once, then an apology moved the date shown to the applicant: still overdue.
  { unit: 'ward', channel: 'online', status: 5, receivedAt: '2026-03-06T09:00:00+07:00', dueAt: FAR, overdueAt: '2026-03-09T17:00:00+07:00' },
  {
    unit: 'ward',
    channel: 'in_person',
    status: 10,
    receivedAt: '2026-03-03T09:00:00+07:00',
    dueAt: '2026-03-12T17:00:00+07:00',
    finishedAt: '2026-03-08T10:00:00+07:00',
  },
  {
    unit: 'department',
    channel: 'online',
    status: 9,
    receivedAt: '2026-03-04T09:00:00+07:00',
    dueAt: '2026-03-15T17:00:00+07:00',
    finishedAt: '2026-03-20T10:00:00+07:00',
  },
  {
    unit: 'department',
    channel: 'in_person',
    status: 10,
    receivedAt: '2026-03-04T10:00:00+07:00',
    dueAt: '2026-03-20T17:00:00+07:00',
    finishedAt: '2026-03-14T10:00:00+07:00',
    overdueAt: '2026-03-12T17:00:00+07:00',
  },
  // Refused at intake, 23:30 on the last day in Vietnam (16:30 UTC): ended without a result.
  { unit: 'department', channel: 'in_person', status: 3, receivedAt: '2026-03-31T23:30:00+07:00', closedAt: '2026-03-31T23:30:00+07:00' },
  { unit: 'ward', channel: 'online', status: 2, receivedAt: '2026-04-01T00:00:00+07:00' },
  { unit: 'ward', channel: 'online', status: 2, receivedAt: '2026-02-28T23:59:00+07:00' },
];
const PROVINCE_B: Row[] = [
  { unit: 'ward', channel: 'online', status: 2, receivedAt: '2026-03-15T09:00:00+07:00' },
  {
    unit: 'ward',
    channel: 'in_person',
    status: 10,
    receivedAt: '2026-03-16T09:00:00+07:00',
    dueAt: '2026-03-20T17:00:00+07:00',
    finishedAt: '2026-03-20T16:00:00+07:00',
  },
];

type Counts = typeof A_MARCH;
const A_MARCH = {
  toHandle: 8,
  carriedOver: 1,
  received: 7,
  receivedOnline: 3,
  receivedInPersonOrPost: 4,
  resolved: 3,
  resolvedEarly: 1,
  resolvedOnTime: 0,
  resolvedLate: 2,
  inProgressAtEnd: 4,
  inProgressInTime: 2,
  inProgressOverdue: 2,
  endedWithoutResult: 1,
  endedOverdue: 0,
  forOtherProvince: 0,
};
// Province B's result came an hour before its due time, on the due date: on time.
const B_MARCH: Counts = {
  toHandle: 2,
  carriedOver: 0,
  received: 2,
  receivedOnline: 1,
  receivedInPersonOrPost: 1,
  resolved: 1,
  resolvedEarly: 0,
  resolvedOnTime: 1,
  resolvedLate: 0,
  inProgressAtEnd: 1,
  inProgressInTime: 1,
  inProgressOverdue: 0,
  endedWithoutResult: 0,
  endedOverdue: 0,
  forOtherProvince: 0,
};

/** What the statutory report's reader checks first: the columns add up. */
function expectCohortsAddUp(c: Counts) {
  expect(c.carriedOver + c.received).toBe(c.toHandle);
  expect(c.resolved + c.inProgressAtEnd + c.endedWithoutResult).toBe(c.toHandle);
  expect(c.receivedOnline + c.receivedInPersonOrPost).toBe(c.received);
  expect(c.resolvedEarly + c.resolvedOnTime + c.resolvedLate).toBe(c.resolved);
  expect(c.inProgressInTime + c.inProgressOverdue).toBe(c.inProgressAtEnd);
}

let a: Awaited<ReturnType<typeof seedProvince>>;
let b: Awaited<ReturnType<typeof seedProvince>>;
let empty: string;
let nameA: string;
let oversight: Session;
let provinceAdmin: Session;

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 6);
  nameA = `Tỉnh Báo cáo A ${suffix}`;
  [a, b, empty] = await Promise.all([
    seedProvince(deps.sql, nameA, PROVINCE_A),
    seedProvince(deps.sql, `Tỉnh Báo cáo B ${suffix}`, PROVINCE_B),
    createTenant(inject('ownerDatabaseUrl'), `Tỉnh Báo cáo trống ${suffix}`),
  ]);
  oversight = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'));
  const world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  provinceAdmin = await signIn(app, world.logins.province_admin);
});
afterAll(close);

const get = async (session: Session | null, path: string) => {
  const response = await call(app, session, 'GET', path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('GET /api/reports/provinces', () => {
  it('counts each province exactly, with zeros for a province without dossiers', async () => {
    const { status, body } = await get(oversight, `/api/reports/provinces?${PERIOD}`);
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    const items = body.items as { tenantId: string; name: string }[];
    const row = (id: string) => items.find((i) => i.tenantId === id);
    expect(row(a.tenantId)).toMatchObject(A_MARCH);
    expect(row(b.tenantId)).toMatchObject(B_MARCH);
    expect(row(empty)).toMatchObject(Object.fromEntries(Object.keys(A_MARCH).map((key) => [key, 0])));
    // The national line adds up every province (others' test provinces included) but for the
    // dossiers handed over between provinces, which it counts once (docs/domain/report-rules.md);
    // each line adds up.
    const totals = body.totals as Counts;
    const sum = (key: keyof Counts) => items.reduce((n, i) => n + (i as unknown as Counts)[key], 0);
    for (const key of Object.keys(A_MARCH) as (keyof Counts)[]) expect(totals[key], key).toBeLessThanOrEqual(sum(key));
    expect(totals.toHandle).toBe(sum('toHandle') - sum('forOtherProvince'));
    if (sum('forOtherProvince') === 0) for (const key of Object.keys(A_MARCH) as (keyof Counts)[]) expect(totals[key], key).toBe(sum(key));
    for (const line of [...items, totals] as unknown as Counts[]) expectCohortsAddUp(line);
    expect(totals.toHandle).toBeGreaterThanOrEqual(A_MARCH.toHandle + B_MARCH.toHandle);
  });

  it('defaults to this month so far, in Vietnam time', async () => {
    const { status, body } = await get(oversight, '/api/reports/provinces');
    expect(status).toBe(200);
    const today = vietnamDate(Date.now());
    expect(body.period).toEqual({ from: `${today.slice(0, 8)}01`, to: today });
    // Province A's dossiers date from February to April 2026, before this month: none was received
    // in it, but the five still open are carried over into it.
    expect((body.items as { tenantId: string }[]).find((i) => i.tenantId === a.tenantId)).toMatchObject({
      received: 0,
      carriedOver: 5,
      resolved: 0,
      endedWithoutResult: 0,
      endedOverdue: 0,
      forOtherProvince: 0,
      inProgressAtEnd: 5,
    });
  });

  it('refuses bad dates with a 400 naming the field', async () => {
    for (const query of ['from=2026-02-30', 'to=31/03/2026', 'from=2026-03-31&to=2026-03-01', 'from=2024-01-01&to=2026-03-31']) {
      const { status, body } = await get(oversight, `/api/reports/provinces?${query}`);
      expect(status, query).toBe(400);
      const fields = ((body as Problem).errors ?? []).map((f) => f.field);
      expect(fields.length, query).toBeGreaterThan(0);
      expect((body as Problem).detail, query).toMatch(/không hợp lệ|quá dài/);
    }
  });

  it('refuses a province admin, whose report right is bound to their own province', async () => {
    const { status, body } = await get(provinceAdmin, `/api/reports/provinces?${PERIOD}`);
    expect(status).toBe(403);
    expect((body as Problem).detail).toBe('Chỉ cán bộ của Bộ được xem báo cáo giữa các tỉnh, thành phố.');
  });
});

describe('GET /api/reports/provinces/:tenantId/units', () => {
  it('splits one province by receiving unit', async () => {
    const { status, body } = await get(oversight, `/api/reports/provinces/${a.tenantId}/units?${PERIOD}`);
    expect(status).toBe(200);
    expect(body.province).toMatchObject({ id: a.tenantId });
    // Most to handle first: the ward's carried-over dossier counts.
    expect(body.items).toEqual([
      expect.objectContaining({
        orgUnitId: a.ward,
        name: 'Phường Một',
        toHandle: 5,
        carriedOver: 1,
        received: 4,
        receivedOnline: 2,
        receivedInPersonOrPost: 2,
        resolved: 1,
        resolvedEarly: 1,
        resolvedOnTime: 0,
        resolvedLate: 0,
        inProgressAtEnd: 4,
        inProgressInTime: 2,
        inProgressOverdue: 2,
        endedWithoutResult: 0,
        endedOverdue: 0,
        forOtherProvince: 0,
      }),
      expect.objectContaining({
        orgUnitId: a.department,
        name: 'Sở Hai',
        toHandle: 3,
        carriedOver: 0,
        received: 3,
        receivedOnline: 1,
        receivedInPersonOrPost: 2,
        resolved: 2,
        resolvedEarly: 0,
        resolvedOnTime: 0,
        resolvedLate: 2,
        inProgressAtEnd: 0,
        inProgressInTime: 0,
        inProgressOverdue: 0,
        endedWithoutResult: 1,
        endedOverdue: 0,
        forOtherProvince: 0,
      }),
    ]);
    expect(body.totals).toEqual(A_MARCH);
  });

  it('answers 404 for a province that does not exist', async () => {
    expect((await get(oversight, `/api/reports/provinces/${randomUUID()}/units`)).status).toBe(404);
  });
});

describe('GET /api/reports/provinces/:tenantId/dossiers', () => {
  it('pages the province’s dossiers, filters by status, and carries no applicant data', async () => {
    const first = await get(oversight, `/api/reports/provinces/${a.tenantId}/dossiers?pageSize=4`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 9, page: 1, pageSize: 4 });
    const items = first.body.items as Record<string, unknown>[];
    expect(items).toHaveLength(4);
    // Newest first: the dossier of 1 April leads.
    expect(items[0]).toMatchObject({
      receivedAt: '2026-03-31T17:00:00.000Z',
      nationalStatus: 2,
      receivingUnitName: 'Phường Một',
      procedureName: 'Thủ tục báo cáo',
    });
    for (const item of items) expect(Object.keys(item).filter((k) => k.startsWith('applicant'))).toEqual([]);
    const last = await get(oversight, `/api/reports/provinces/${a.tenantId}/dossiers?pageSize=4&page=3`);
    expect(last.body.items).toHaveLength(1);
    const processing = await get(oversight, `/api/reports/provinces/${a.tenantId}/dossiers?status=4`);
    expect(processing.body.total).toBe(2);
    expect((processing.body.items as { overdue: boolean }[]).map((i) => i.overdue).sort()).toEqual([false, true]);
    expect((await get(oversight, `/api/reports/provinces/${a.tenantId}/dossiers?status=11`)).status).toBe(400);
  });
});

const COHORT_HEADERS = [
  'Nhận giải quyết: tổng số',
  'Nhận giải quyết: kỳ trước chuyển qua',
  'Nhận giải quyết: mới tiếp nhận',
  'Mới tiếp nhận: trực tuyến',
  'Mới tiếp nhận: trực tiếp, bưu chính',
  'Đã giải quyết: tổng số',
  'Đã giải quyết: trước hạn',
  'Đã giải quyết: đúng hạn',
  'Đã giải quyết: quá hạn',
  'Đang giải quyết: tổng số',
  'Đang giải quyết: trong hạn',
  'Đang giải quyết: quá hạn',
  'Từ chối, rút, dừng xử lý',
  'Rút, dừng xử lý khi đã quá hạn',
  'Liên thông từ tỉnh khác',
];
/** The counts in the export's column order, which is A_MARCH's key order. */
const cohortCells = (counts: Counts) => Object.keys(A_MARCH).map((key) => counts[key as keyof Counts]);
const DOSSIER_HEADERS = [
  'Mã hồ sơ',
  'Mã thủ tục',
  'Tên thủ tục',
  'Kênh tiếp nhận',
  'Đơn vị tiếp nhận',
  'Mã trạng thái',
  'Trạng thái',
  'Ngày tiếp nhận',
  'Hạn trả kết quả',
  'Ngày có kết quả',
  'Quá hạn',
];
const download = (session: Session, path: string, language?: string) =>
  call(app, session, 'GET', path, undefined, language ? { 'Accept-Language': language } : undefined);

describe('report exports (?format=csv|xlsx)', () => {
  it('downloads the national report as CSV: a BOM, Vietnamese headers, one line per province, the national line last', async () => {
    const response = await download(oversight, `/api/reports/provinces?${PERIOD}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="bao-cao-cac-tinh-2026-03-01-2026-03-31\.csv"/);
    const { filename, rows } = await readCsv(response);
    expect(filename).toBe('Báo cáo các tỉnh 2026-03-01 2026-03-31.csv');
    expect(rows[0]).toEqual(['Mã tỉnh', 'Tỉnh, thành phố', 'Từ ngày', 'Đến ngày', ...COHORT_HEADERS]);
    const lineA = rows.find((row) => row[1] === nameA);
    expect(lineA).toEqual([expect.any(String), nameA, '2026-03-01', '2026-03-31', ...cohortCells(A_MARCH).map(String)]);
    expect(rows.filter((row) => String(row[1]).startsWith('Tỉnh Báo cáo') && String(row[1]).endsWith(nameA.slice(-6)))).toHaveLength(3);
    // The national line adds up the lines above it (other suites' provinces included), but for
    // dossiers handed over between provinces (the last column), which it counts once.
    const provinces = rows.slice(1, -1).map((row) => row.slice(4).map(Number));
    const sum = provinces.reduce((total, line) => total.map((n, i) => n + line[i]!));
    const national = rows.at(-1)!.slice(4).map(Number);
    expect(rows.at(-1)!.slice(0, 4)).toEqual(['', 'Cả nước', '2026-03-01', '2026-03-31']);
    if (sum.at(-1) === 0) expect(national).toEqual(sum);
    else national.forEach((n, i) => expect(n).toBeLessThanOrEqual(sum[i]!));
    expect(national.at(-1)).toBe(0);
  });

  it('downloads a province by unit as XLSX: counts as numbers, diacritics intact, the province line last; English headers when preferred', async () => {
    const path = `/api/reports/provinces/${a.tenantId}/units?${PERIOD}&format=xlsx`;
    const { filename, rows, sheets } = await readXlsx(await download(oversight, path));
    expect(filename).toBe(`Báo cáo đơn vị ${nameA} 2026-03-01 2026-03-31.xlsx`);
    expect(sheets).toEqual(['Báo cáo theo đơn vị']);
    expect(rows).toEqual([
      ['Mã đơn vị', 'Đơn vị tiếp nhận', 'Từ ngày', 'Đến ngày', ...COHORT_HEADERS],
      [expect.stringMatching(/^WARD-/), 'Phường Một', '2026-03-01', '2026-03-31', 5, 1, 4, 2, 2, 1, 1, 0, 0, 4, 2, 2, 0, 0, 0],
      [expect.stringMatching(/^DEPARTMENT-/), 'Sở Hai', '2026-03-01', '2026-03-31', 3, 0, 3, 1, 2, 2, 0, 0, 2, 0, 0, 0, 1, 0, 0],
      [expect.any(String), `Toàn ${nameA}`, '2026-03-01', '2026-03-31', ...cohortCells(A_MARCH)],
    ]);
    const english = await readXlsx(await download(oversight, path, 'en-GB,en;q=0.9'));
    expect(english.rows[0]!.slice(0, 5)).toEqual(['Unit code', 'Receiving unit', 'From', 'To', 'To handle: total']);
    expect(english.filename).toBe(`Unit report ${nameA} 2026-03-01 2026-03-31.xlsx`);
    // A download link cannot set the header: `lang` names the page's language and wins over it.
    const linked = await readCsv(await download(oversight, `${path.replace('xlsx', 'csv')}&lang=en`, 'vi'));
    expect(linked.rows[0]![1]).toBe('Receiving unit');
    expect((await readCsv(await download(oversight, `${path.replace('xlsx', 'csv')}&lang=vi`, 'en'))).rows[0]![1]).toBe('Đơn vị tiếp nhận');
  });

  it("downloads every dossier of the list's filter, unpaged, in Vietnam time, without applicant data, in both formats", async () => {
    const base = `/api/reports/provinces/${a.tenantId}/dossiers`;
    const all = await readCsv(await download(oversight, `${base}?pageSize=4&page=2&format=csv`));
    expect(all.rows[0]).toEqual(DOSSIER_HEADERS);
    expect(all.rows).toHaveLength(1 + PROVINCE_A.length);
    expect(all.filename).toMatch(new RegExp(`^Hồ sơ ${nameA} \\d{4}-\\d{2}-\\d{2}\\.csv$`));
    // Newest first: received at midnight on 1 April in Vietnam (17:00 UTC the day before).
    expect(all.rows[1]).toEqual([
      expect.stringMatching(/^BC-/),
      expect.stringMatching(/^9\./),
      'Thủ tục báo cáo',
      'Trực tuyến',
      'Phường Một',
      '2',
      'Đã tiếp nhận',
      '2026-04-01 00:00:00',
      '',
      '',
      'Không',
    ]);
    const processing = await readXlsx(await download(oversight, `${base}?status=4&format=xlsx`));
    expect(processing.rows.slice(1)).toEqual([
      [
        expect.any(String),
        expect.any(String),
        'Thủ tục báo cáo',
        'Trực tiếp',
        'Phường Một',
        4,
        'Đang xử lý',
        '2026-03-05 09:00:00',
        '2026-03-10 17:00:00',
        null,
        'Có',
      ],
      [
        expect.any(String),
        expect.any(String),
        'Thủ tục báo cáo',
        'Trực tuyến',
        'Phường Một',
        4,
        'Đang xử lý',
        '2026-03-02 09:00:00',
        '2030-01-01 10:00:00',
        null,
        'Không',
      ],
    ]);
    const text = JSON.stringify([all.rows, processing.rows]);
    expect(text).not.toContain('Nguyễn Văn Báo Cáo');
  });

  it('records the export as a ministry read of the province, like the page it downloads', async () => {
    const response = await download(oversight, `/api/reports/provinces/${a.tenantId}/dossiers?format=csv`);
    expect(response.status).toBe(200);
    await readCsv(response);
    const requestId = response.headers.get('X-Request-Id');
    const reads = (await get(oversight, `/api/tenants/${a.tenantId}/ministry-reads?pageSize=100`)).body.items as { requestId: string; resource: string }[];
    expect(reads.filter((r) => r.requestId === requestId).map((r) => r.resource)).toEqual(['GET /api/reports/provinces/:tenantId/dossiers']);
  });

  it('refuses a province admin as the JSON does, with a problem and no file', async () => {
    for (const path of [
      `/api/reports/provinces?format=xlsx`,
      `/api/reports/provinces/${a.tenantId}/units?format=csv`,
      `/api/reports/provinces/${a.tenantId}/dossiers?format=csv`,
    ]) {
      const response = await download(provinceAdmin, path);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('Content-Type'), path).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('Content-Disposition'), path).toBeNull();
    }
  });

  it('refuses an unknown format, or a bad filter of an export, with a 400 in Vietnamese', async () => {
    for (const path of [
      '/api/reports/provinces?format=pdf',
      `/api/reports/provinces/${a.tenantId}/dossiers?format=XLSX`,
      `/api/reports/provinces/${a.tenantId}/dossiers?format=csv&status=11`,
      `/api/reports/provinces/${a.tenantId}/units?format=xlsx&from=2026-03-31&to=2026-03-01`,
    ]) {
      const response = await download(oversight, path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('Content-Disposition'), path).toBeNull();
      const problem = (await response.json()) as Problem;
      expect(problem.detail, path).toMatch(/không hợp lệ|quá dài|trước/);
      if (path.includes('format=pdf')) expect(problem.errors).toEqual([expect.objectContaining({ field: 'format', detail: 'định dạng là csv hoặc xlsx' })]);
    }
  });
});

describe('the reports in the OpenAPI document', () => {
  it('describe every count the reports answer with, on the national and the unit report', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: JsonSchema }> }> } }>;
    };
    const answered = Object.keys((await get(oversight, `/api/reports/provinces?${PERIOD}`)).body.totals as object).sort();
    expect(answered).toEqual(Object.keys(A_MARCH).sort());
    for (const path of ['/api/reports/provinces', '/api/reports/provinces/{tenantId}/units', '/api/reports/provinces/{tenantId}/procedures']) {
      const schema = doc.paths[path]!.get.responses['200']!.content['application/json']!.schema;
      expect(Object.keys(schema.properties!.totals!.properties!).sort(), path).toEqual(answered);
      expect(Object.keys(schema.properties!.items!.items!.properties!), path).toEqual(expect.arrayContaining(answered));
      expect(schema.properties!.totals!.properties!.carriedOver!.description, path).toContain('Tồn kỳ trước chuyển qua');
    }
    // Each report and list also answers as a download: the media types a client can ask for.
    for (const path of ['/api/reports/provinces', '/api/reports/provinces/{tenantId}/units', '/api/reports/provinces/{tenantId}/dossiers']) {
      expect(Object.keys(doc.paths[path]!.get.responses['200']!.content).sort(), path).toEqual([
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
      ]);
    }
  });
});

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  description?: string;
}
