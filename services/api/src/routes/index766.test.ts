import { randomInt, randomUUID } from 'node:crypto';
import { vietnamDate, vietnamInstant } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readCsv, readXlsx } from '../testing/export-reader.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, connEnv, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';
import type { ProvinceIndex, UnitIndex } from './index766-schemas.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
const Q1 = 'quarter=2026-Q1';
const vn = vietnamInstant;

let own: TenantWorld;
let other: TenantWorld;
let admin: Session;
let wardLeader: Session;
let clerk: Session;
let otherAdmin: Session;
let ministry: Session;

interface Seeded {
  unitId: string;
  channel: 'online' | 'in_person';
  receivedAt: string;
  dueAt: string;
  finishedAt?: string;
  files?: ('intake' | 'result')[];
  surveyOverall?: number;
  paidOnline?: string;
}

/** Dossiers of the first quarter of 2026 under one full-online procedure, with their files, answers and payments. */
async function seed(world: TenantWorld, dossiers: Seeded[]) {
  await withTenant(deps.sql, world.tenantId, async (tx) => {
    const [procedure] = await tx
      .insert(schema.procedures)
      .values({
        code: `9.${randomUUID().slice(0, 6)}`,
        version: 1,
        name: 'Thủ tục chỉ số',
        sector: 'Nội vụ',
        level: 'commune',
        channels: ['online', 'in_person'],
        processingTime: [{ channel: 'online', amount: 5, unit: 'working_days' }],
        onlineServiceLevel: 'full',
      })
      .returning();
    for (const d of dossiers) {
      const [dossier] = await tx
        .insert(schema.dossiers)
        .values({
          tenantId: world.tenantId,
          code: `CS-${randomUUID().slice(0, 8)}`,
          procedureId: procedure!.id,
          channel: d.channel,
          receivingUnitId: d.unitId,
          currentUnitId: d.unitId,
          applicantName: 'Trần Văn Chỉ Số',
          nationalStatus: d.finishedAt ? 10 : 4,
          localStatus: 'x',
          receivedAt: vn(d.receivedAt),
          dueAt: vn(d.dueAt),
          finishedAt: d.finishedAt ? vn(d.finishedAt) : null,
          closedAt: d.finishedAt ? vn(d.finishedAt) : null,
        })
        .returning();
      const dossierId = dossier!.id;
      for (const purpose of d.files ?? []) {
        await tx.insert(schema.dossierFiles).values({
          tenantId: world.tenantId,
          dossierId,
          purpose,
          componentCode: 'giay-to',
          fileName: 'giay-to.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1000,
          sha256: randomUUID().replaceAll('-', ''),
          storageKey: `test/${randomUUID()}`,
        });
      }
      if (d.surveyOverall) {
        await tx.insert(schema.satisfactionSurveys).values({
          tenantId: world.tenantId,
          dossierId,
          unitId: d.unitId,
          procedureCode: procedure!.code,
          attitude: 5,
          timeliness: 5,
          clarity: 5,
          overall: d.surveyOverall,
          submittedAt: vn('2026-02-20T10:00'),
        });
      }
      if (d.paidOnline) {
        await tx
          .insert(schema.payments)
          .values({ tenantId: world.tenantId, dossierId, amountVnd: 50_000, method: 'online', status: 'paid', paidAt: vn(d.paidOnline) });
      }
    }
  });
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  await seed(own, [
    // The ward: one online, early (half its allotted time), its result on file and rated 5; one
    // at the counter, scanned at intake, late (twice its allotted time).
    {
      unitId: own.wardId,
      channel: 'online',
      receivedAt: '2026-02-02T09:00',
      dueAt: '2026-02-12T09:00',
      finishedAt: '2026-02-07T09:00',
      files: ['result'],
      surveyOverall: 5,
    },
    { unitId: own.wardId, channel: 'in_person', receivedAt: '2026-02-03T09:00', dueAt: '2026-02-10T09:00', finishedAt: '2026-02-17T09:00', files: ['intake'] },
    // The department: one online, still open, its fee paid online.
    { unitId: own.departmentId, channel: 'online', receivedAt: '2026-03-02T09:00', dueAt: '2026-03-09T17:00', paidOnline: '2026-03-03T10:00' },
    // After the quarter: not counted.
    { unitId: own.wardId, channel: 'in_person', receivedAt: '2026-04-02T09:00', dueAt: '2026-04-09T17:00' },
  ]);
  await seed(other, [{ unitId: other.departmentId, channel: 'in_person', receivedAt: '2026-01-05T09:00', dueAt: '2026-01-09T17:00' }]);
  admin = await signIn(app, own.logins.province_admin);
  wardLeader = await signIn(app, own.logins.leader, '203.0.113.31');
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.32');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.33');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.34');
});
afterAll(close);

type Score = ProvinceIndex['items'][number]['score'];
/** Each component's points and what they are out of. */
const components = (score: Score) => Object.fromEntries(score.components.map((c) => [c.component, [c.points, c.measuredMax]]));

async function json<T>(session: Session | null, path: string): Promise<T> {
  const response = await call(app, session, 'GET', path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}
const unitsPath = (world: TenantWorld, query = Q1) => `/api/reports/index766/provinces/${world.tenantId}/units?${query}`;

/** The quarter running in Vietnam now, and one in the future. */
function openQuarters(): string[] {
  const today = vietnamDate(new Date());
  const year = Number(today.slice(0, 4));
  return [`${year}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`, `${year + 1}-Q1`];
}

describe('the Decision 766 index by unit', () => {
  it('scores each unit from its dossiers, files, payments and survey answers, best first, leaving the rest unmeasured', async () => {
    const index = await json<UnitIndex>(admin, unitsPath(own));
    expect(index.quarter).toEqual({ quarter: '2026-Q1', from: '2026-01-01', to: '2026-03-31', closed: true });
    expect(index.items.map((i) => [i.orgUnitId, i.rank, i.score.points, i.score.measuredMax, i.score.normalised])).toEqual([
      // Online 1/1, full online 1/1, paid online 1/1 (22 of 22), nothing on file (0 of 11); nothing resolved.
      [own.departmentId, 1, 22, 33, 66.67],
      // In time 1/2 (7) and time used 1.25 on average (4.5); on file 1/2 and 1/2 (5.5 + 5.5); online
      // 1/2 and full online 1/2 (4 + 4); rated 5 (12): 42.5 of 70.
      [own.wardId, 2, 42.5, 70, 60.71],
    ]);
    const ward = index.items.find((i) => i.orgUnitId === own.wardId)!.score;
    expect(components(ward)).toEqual({
      transparency: [null, 0],
      timeliness: [11.5, 20],
      digitisation: [11, 22],
      onlineService: [8, 16],
      satisfaction: [12, 12],
    });
    const department = index.items.find((i) => i.orgUnitId === own.departmentId)!.score;
    expect(components(department)).toMatchObject({ timeliness: [null, 0], satisfaction: [null, 0], digitisation: [0, 11] });
  });

  it("shows a unit's leader only their subtree, and refuses another province's admin and an officer without the right", async () => {
    const index = await json<UnitIndex>(wardLeader, unitsPath(own));
    expect(index.items.map((i) => i.orgUnitId)).toEqual([own.wardId]);
    const foreign = await call(app, otherAdmin, 'GET', unitsPath(own));
    expect(foreign.status).toBe(403);
    expect((await readProblem(foreign)).detail).toMatch(/[àáảãạăâđêôơư]/);
    expect((await call(app, clerk, 'GET', unitsPath(own))).status).toBe(403);
    // Its own province's index never carries the first province's units.
    expect((await json<UnitIndex>(otherAdmin, unitsPath(other))).items.map((i) => i.orgUnitId)).toEqual([other.departmentId]);
  });

  it("exports the caller's units, with not measured written out", async () => {
    const { rows, filename } = await readCsv(await call(app, wardLeader, 'GET', `${unitsPath(own)}&format=csv&lang=vi`));
    expect(filename).toMatch(/^Chỉ số phục vụ đơn vị .* 2026-Q1\.csv$/);
    expect(rows).toHaveLength(2);
    const [header, ward] = rows as string[][];
    const cell = (name: string) => ward![header!.indexOf(name)];
    expect([cell('Hạng'), cell('Quý'), cell('Điểm quy đổi (/100)'), cell('Điểm đạt'), cell('Điểm tối đa đo được')]).toEqual([
      '1',
      '2026-Q1',
      '60.71',
      '42.5',
      '70',
    ]);
    expect(cell('Công khai, minh bạch (18)')).toBe('Chưa đo');
    expect(cell('Tiến độ giải quyết: Giải quyết trước hạn, đúng hạn (14)')).toBe('7');
  });
});

describe('the Decision 766 index across provinces', () => {
  it('ranks every province for the ministry and records the read', async () => {
    const index = await json<ProvinceIndex>(ministry, `/api/reports/index766/provinces?${Q1}`);
    const line = index.items.find((i) => i.tenantId === own.tenantId)!;
    // The whole province: online 2/3 and 2/3 (5.33 each), paid 1/1 (6); on file 1/3 (3.67) and
    // 1/2 (5.5); in time 1/2 (7), time used 4.5; rated 5 (12). Publication depends on the catalog.
    expect(components(line.score)).toMatchObject({ timeliness: [11.5, 20], digitisation: [9.17, 22], onlineService: [16.66, 22], satisfaction: [12, 12] });
    const transparency = line.score.components.find((c) => c.component === 'transparency')!;
    expect(transparency.measuredMax).toBe(10);
    expect(transparency.criteria.find((c) => c.criterion === 'portalSync')!.points).toBeNull();
    const ranks = index.items.map((i) => i.rank).filter((r) => r !== null);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const reads = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(schema.ministryReads));
    expect(reads.map((r) => r.resource)).not.toContain('GET /api/reports/index766/provinces/:tenantId/units');
    await json(ministry, unitsPath(own));
    const after = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(schema.ministryReads));
    expect(after.map((r) => r.resource)).toContain('GET /api/reports/index766/provinces/:tenantId/units');
  });

  it("refuses the provinces' ranking to a province admin, and a malformed quarter with a Vietnamese message", async () => {
    expect((await call(app, admin, 'GET', `/api/reports/index766/provinces?${Q1}`)).status).toBe(403);
    for (const quarter of ['2026-Q5', '2026-1', '']) {
      const bad = await call(app, ministry, 'GET', `/api/reports/index766/provinces?quarter=${quarter}`);
      expect(bad.status, quarter).toBe(400);
      expect((await readProblem(bad)).errors?.[0]?.detail).toMatch(/quý có dạng YYYY-Qn/);
    }
  });

  it('exports the ranking as a workbook, one line per province in rank order', async () => {
    const seen = await json<ProvinceIndex>(ministry, `/api/reports/index766/provinces?${Q1}`);
    const { rows } = await readXlsx(await call(app, ministry, 'GET', `/api/reports/index766/provinces?${Q1}&format=xlsx&lang=en`));
    const [header, ...lines] = rows;
    expect(header).toEqual(expect.arrayContaining(['Rank', 'Province code', 'Score (/100)', 'Transparency (18)']));
    expect(lines.map((line) => line[header!.indexOf('Province code')])).toEqual(seen.items.map((item) => item.code));
  });
});

describe('the published Decision 766 index', () => {
  it('publishes a closed quarter to anyone, without signing in, as the ministry sees it', async () => {
    const published = await json<ProvinceIndex>(null, `/api/public/index766?${Q1}`);
    const seen = await json<ProvinceIndex>(ministry, `/api/reports/index766/provinces?${Q1}`);
    expect(published.quarter.closed).toBe(true);
    expect(published.items.find((i) => i.tenantId === own.tenantId)).toEqual(seen.items.find((i) => i.tenantId === own.tenantId));
  });

  it('refuses the running quarter and a future one, in Vietnamese', async () => {
    for (const quarter of openQuarters()) {
      const refused = await call(app, null, 'GET', `/api/public/index766?quarter=${quarter}`);
      expect(refused.status, quarter).toBe(404);
      expect((await readProblem(refused)).detail).toMatch(/chưa được công bố/);
    }
    expect((await call(app, null, 'GET', '/api/public/index766?quarter=2026Q1')).status).toBe(400);
  });

  it('lets browsers and proxies keep a closed quarter, and throttles one address past 60 reads a minute', async () => {
    // An address of its own per run: the count lives in PostgreSQL, shared by every API process.
    const ip = `198.18.${randomInt(250)}.${randomInt(250)}`;
    const read = () => app.request(`/api/public/index766?${Q1}`, {}, connEnv(ip));
    const first = await read();
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=600');
    const statuses: number[] = [];
    for (let i = 1; i < 61; i += 1) statuses.push((await read()).status);
    expect(statuses.slice(0, 59).every((s) => s === 200)).toBe(true);
    const throttled = await read();
    expect(throttled.status).toBe(429);
    expect((await readProblem(throttled)).detail).toMatch(/quá nhiều lần/);
  });
});
