import { randomUUID } from 'node:crypto';
import { schema, withTenant, withUser } from '@gov/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, onlineBody } from '../testing/dossier-client.js';
import { buildDossierWorld, userIdOf, type DossierWorld } from '../testing/dossier-world.js';
import { createGlobalUser, signIn, type Session } from '../testing/world.js';
import { readProblem, type Problem } from '../testing/problem.js';

// No worker: the portal reads PostgreSQL only (a submitted dossier waits, unstarted, in the outbox).
const { deps, close } = createTestDeps();
const app = createApp(deps);
const client = dossierClient(app);
let w: DossierWorld;
let other: DossierWorld;
let citizen: Session;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [w, other] = await Promise.all([
    buildDossierWorld(deps, ownerUrl, { requiredComponent: false }),
    buildDossierWorld(deps, ownerUrl, { requiredComponent: false }),
  ]);
  citizen = await signIn(app, w.logins.citizen);
});
afterAll(close);

interface ProcedurePage {
  items: { code: string; name: string }[];
  total: number;
  page: number;
  pageSize: number;
}
const get = async <T>(s: Session | null, path: string) => {
  const response = await client.get(s, path);
  return { status: response.status, body: (await response.json()) as T };
};
const procedures = (tenantId: string, query = '') => get<ProcedurePage>(null, `/api/public/provinces/${tenantId}/procedures${query}`);

describe('public procedure search of a province', () => {
  it('lists the active procedures to anyone, found by part of the name without accents or by code', async () => {
    const all = await procedures(w.tenantId);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.code)).toEqual([w.procedureCode]);
    expect(all.body).toMatchObject({ total: 1, page: 1 });
    expect((await procedures(w.tenantId, '?search=THU%20NGHIEM%20ho%20so')).body.items.map((i) => i.code)).toEqual([w.procedureCode]);
    expect((await procedures(w.tenantId, `?search=${w.procedureCode.slice(0, 5)}`)).body.total).toBe(1);
    expect((await procedures(w.tenantId, '?search=khai%20sinh')).body.items).toEqual([]);
    // Another province's activation is not this province's offer.
    expect((await procedures(other.tenantId)).body.items.map((i) => i.code)).toEqual([other.procedureCode]);
  });

  it('filters by receiving unit and hides suspended procedures', async () => {
    expect((await procedures(w.tenantId, `?unitId=${w.communeId}`)).body.total).toBe(1);
    expect((await procedures(w.tenantId, `?unitId=${w.departmentId}`)).body.total).toBe(0);
    const units = await get<{ id: string; name: string }[]>(null, `/api/public/provinces/${w.tenantId}/receiving-units`);
    expect(units.body).toEqual([
      {
        id: w.communeId,
        code: w.communeCode,
        name: 'Bộ phận một cửa xã An Bình',
        publicAddress: null,
        hotline: null,
        publicEmail: null,
        openingHours: null,
        mapUrl: null,
      },
    ]);
    const s = schema.procedureSettings;
    const suspend = (active: boolean) => withTenant(deps.sql, other.tenantId, (tx) => tx.update(s).set({ active }).where(eq(s.tenantId, other.tenantId)));
    await suspend(false);
    try {
      expect((await procedures(other.tenantId)).body.total).toBe(0);
      expect((await get(null, `/api/public/provinces/${other.tenantId}/procedures/${other.procedureCode}`)).status).toBe(404);
    } finally {
      await suspend(true);
    }
  });

  it('shows one procedure with its components, times and receiving units, and validates input', async () => {
    const detail = await get<{
      procedure: { code: string; cases: { components: { code: string }[] }[]; processingTime: unknown[] };
      receivingUnits: { id: string }[];
      localFeeVnd: number | null;
    }>(null, `/api/public/provinces/${w.tenantId}/procedures/${w.procedureCode}`);
    expect(detail.status).toBe(200);
    expect(detail.body.procedure.cases[0]!.components.map((c) => c.code)).toEqual(['don', 'cccd']);
    expect(detail.body.procedure.processingTime).toHaveLength(3);
    expect(detail.body.receivingUnits.map((u) => u.id)).toEqual([w.communeId]);
    // Active elsewhere, not here.
    expect((await get(null, `/api/public/provinces/${w.tenantId}/procedures/${other.procedureCode}`)).status).toBe(404);
    expect((await get(null, `/api/public/provinces/${w.tenantId}/procedures/abc`)).status).toBe(400);
    expect((await get(null, `/api/public/provinces/not-a-uuid/procedures`)).status).toBe(400);
    expect((await procedures(w.tenantId, '?page=0')).status).toBe(400);
  });
});

describe('my dossiers', () => {
  it("lists only the citizen's own dossiers in the province, newest first, paged", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await client.submit(citizen, w.tenantId, onlineBody(w));
      expect(response.status).toBe(201);
      codes.push((await client.json<{ code: string }>(response)).code);
    }
    const someoneElse = await signIn(app, w.logins.otherCitizen);
    expect((await client.submit(someoneElse, w.tenantId, onlineBody(w, { fullName: 'Trần Thị Bình' }))).status).toBe(201);

    type Mine = { items: { code: string; procedureName: string; nationalStatus: number; receivingUnitName: string; dueAt: string }[]; total: number };
    const first = await get<Mine>(citizen, `/api/tenants/${w.tenantId}/my-dossiers?pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((i) => i.code)).toEqual([codes[2], codes[1]]);
    expect(first.body.items[0]).toMatchObject({
      procedureName: 'Đăng ký thử nghiệm hồ sơ một cửa',
      nationalStatus: 1,
      receivingUnitName: 'Bộ phận một cửa xã An Bình',
    });
    expect(first.body.items[0]!.dueAt).toBeTruthy();
    const second = await get<Mine>(citizen, `/api/tenants/${w.tenantId}/my-dossiers?pageSize=2&page=2`);
    expect(second.body.items.map((i) => i.code)).toEqual([codes[0]]);
    const theirs = await get<Mine>(someoneElse, `/api/tenants/${w.tenantId}/my-dossiers`);
    expect(theirs.body.total).toBe(1);
    expect(theirs.body.items.some((i) => codes.includes(i.code))).toBe(false);
    // A province the citizen never filed in: nothing, not an error.
    expect((await get<Mine>(citizen, `/api/tenants/${other.tenantId}/my-dossiers`)).body).toMatchObject({ items: [], total: 0 });
  });

  it('is refused to visitors and officers', async () => {
    expect((await get(null, `/api/tenants/${w.tenantId}/my-dossiers`)).status).toBe(401);
    const officer = await signIn(app, w.logins.reception);
    const refused = await get<Problem>(officer, `/api/tenants/${w.tenantId}/my-dossiers`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Chỉ tài khoản công dân có danh sách "Hồ sơ của tôi".');
    expect((await get(citizen, `/api/tenants/${randomUUID()}/my-dossiers?page=x`)).status).toBe(400);
  });
});

describe('my dossiers in every province', () => {
  type Everywhere = {
    items: { code: string; tenantId: string; provinceName: string; procedureName: string; nationalStatus: number }[];
    total: number;
    page: number;
    pageSize: number;
  };
  const mine = (s: Session | null, query = '') => get<Everywhere>(s, `/api/me/dossiers${query}`);
  const filed = async (s: Session, world: DossierWorld, applicant: Record<string, string> = {}) => {
    const response = await client.submit(s, world.tenantId, onlineBody(world, applicant));
    expect(response.status).toBe(201);
    return (await client.json<{ code: string }>(response)).code;
  };
  const provinceName = async (tenantId: string) =>
    (await deps.db.select({ name: schema.tenants.fullName }).from(schema.tenants).where(eq(schema.tenants.id, tenantId)))[0]!.name;

  it('lists a citizen’s dossiers from both provinces they filed in, newest first, paged, and no one else’s', async () => {
    const login = await createGlobalUser(deps.db, 'citizen');
    const traveller = await signIn(app, login);
    // A new account (or a new phone): nothing yet, and no province to choose.
    expect((await mine(traveller)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 10 });

    const first = await filed(traveller, w);
    const second = await filed(traveller, other);
    const third = await filed(traveller, w);
    await filed(await signIn(app, other.logins.otherCitizen), other, { fullName: 'Trần Thị Bình' });

    const all = await mine(traveller);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((i) => i.code)).toEqual([third, second, first]);
    expect(all.body.items.map((i) => i.tenantId)).toEqual([w.tenantId, other.tenantId, w.tenantId]);
    expect(all.body.items[1]).toMatchObject({
      provinceName: await provinceName(other.tenantId),
      procedureName: 'Đăng ký thử nghiệm hồ sơ một cửa',
      nationalStatus: 1,
    });
    expect(all.body.items[0]!.provinceName).toBe(await provinceName(w.tenantId));

    // One row per province however many dossiers were filed there.
    const ap = schema.applicantProvinces;
    const travellerId = await userIdOf(deps.db, login);
    const rows = await withUser(deps.sql, travellerId, (tx) => tx.select({ tenantId: ap.tenantId }).from(ap).where(eq(ap.userId, travellerId)));
    expect(rows.map((r) => r.tenantId).sort()).toEqual([w.tenantId, other.tenantId].sort());

    const page1 = await mine(traveller, '?pageSize=2');
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((i) => i.code)).toEqual([third, second]);
    const page2 = await mine(traveller, '?pageSize=2&page=2');
    expect(page2.body).toMatchObject({ total: 3, page: 2 });
    expect(page2.body.items.map((i) => i.code)).toEqual([first]);
    expect((await mine(traveller, '?pageSize=2&page=3')).body).toMatchObject({ items: [], total: 3 });
  });

  it('is refused to visitors, officers and ministry staff, and validates paging', async () => {
    expect((await mine(null)).status).toBe(401);
    for (const s of [await signIn(app, w.logins.reception), await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'))]) {
      const refused = await get<Problem>(s, '/api/me/dossiers');
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toBe('Chỉ tài khoản công dân có danh sách "Hồ sơ của tôi".');
      const english = await app.request('/api/me/dossiers', { headers: { Cookie: s.cookie, 'Accept-Language': 'en' } });
      expect((await readProblem(english)).detail).toBe('Only citizen accounts have "My dossiers".');
    }
    for (const query of ['?page=0', '?pageSize=51', '?page=x']) expect((await mine(citizen, query)).status).toBe(400);
  });
});
