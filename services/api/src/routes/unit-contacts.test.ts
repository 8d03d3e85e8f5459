import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, onlineBody } from '../testing/dossier-client.js';
import { buildDossierWorld, type DossierWorld } from '../testing/dossier-world.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';

// A unit's public contact details (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit):
// set by whoever may update the unit, with If-Match and an audit entry; shown without sign-in on
// the portal and in the status lookup, with nothing about a person.
const { deps, close } = createTestDeps();
const app = createApp(deps);
const client = dossierClient(app);
let world: TenantWorld;
let provinceAdmin: Session;
let unitAdmin: Session;

const CONTACT = {
  publicAddress: 'Số 1 Trần Phú, phường Phước Hòa',
  hotline: '0258 3822 123',
  publicEmail: 'motcua@khanhhoa.gov.vn',
  openingHours: 'Thứ Hai–Thứ Sáu 7:30–11:30, 13:00–17:00',
  mapUrl: 'https://www.google.com/maps?q=12.2388,109.1967',
};

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  [provinceAdmin, unitAdmin] = [await signIn(app, world.logins.province_admin), await signIn(app, world.logins.unit_admin)];
});
afterAll(close);

const unitPath = (unitId: string) => `/api/tenants/${world.tenantId}/org-units/${unitId}`;
async function unitNow(unitId: string) {
  const list = (await (await call(app, provinceAdmin, 'GET', `/api/tenants/${world.tenantId}/org-units`)).json()) as {
    items: ({ id: string; revision: number } & Record<keyof typeof CONTACT, string | null>)[];
  };
  return list.items.find((u) => u.id === unitId)!;
}
const patch = async (session: Session, unitId: string, body: unknown, ifMatch?: string) =>
  call(app, session, 'PATCH', unitPath(unitId), body, ifMatch === undefined ? undefined : { 'If-Match': ifMatch });
const auditsOf = (unitId: string) =>
  withTenant(deps.sql, world.tenantId, (tx) =>
    tx
      .select({ action: schema.auditLog.action, details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tenantId, world.tenantId), eq(schema.auditLog.subjectId, unitId))),
  );

describe('setting a unit’s contact details', () => {
  it('the province admin sets them from the current revision; the list shows them and the change is audited', async () => {
    const before = await unitNow(world.departmentId);
    expect(before).toMatchObject({ publicAddress: null, hotline: null, publicEmail: null, openingHours: null, mapUrl: null });
    const response = await patch(provinceAdmin, world.departmentId, CONTACT, `"${before.revision}"`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ...CONTACT, revision: before.revision + 1 });
    expect(await unitNow(world.departmentId)).toMatchObject(CONTACT);
    expect(await auditsOf(world.departmentId)).toContainEqual({ action: 'org_unit.updated', details: CONTACT });
  });

  it('null clears one detail and leaves the others', async () => {
    const { revision } = await unitNow(world.departmentId);
    expect((await patch(provinceAdmin, world.departmentId, { mapUrl: null }, `"${revision}"`)).status).toBe(200);
    expect(await unitNow(world.departmentId)).toMatchObject({ ...CONTACT, mapUrl: null });
  });

  it('needs If-Match (428) and refuses a stale revision (412), leaving the details as they were', async () => {
    const before = await unitNow(world.departmentId);
    expect((await patch(provinceAdmin, world.departmentId, { hotline: '1900 1234' })).status).toBe(428);
    expect((await patch(provinceAdmin, world.departmentId, { hotline: '1900 1234' }, `"${before.revision - 1}"`)).status).toBe(412);
    expect(await unitNow(world.departmentId)).toMatchObject({ hotline: CONTACT.hotline, revision: before.revision });
  });

  it.each([
    { field: 'hotline', value: 'abc-123', message: 'Đường dây nóng chỉ gồm chữ số' },
    { field: 'hotline', value: '12345', message: 'Đường dây nóng không đúng dạng số điện thoại Việt Nam' },
    { field: 'publicEmail', value: 'motcua@', message: 'Thư điện tử không hợp lệ' },
    { field: 'mapUrl', value: 'http://www.google.com/maps?q=1,2', message: 'Liên kết bản đồ phải bắt đầu bằng https://' },
    { field: 'mapUrl', value: 'javascript:alert(1)', message: 'Liên kết bản đồ phải' },
    { field: 'publicAddress', value: 'Số 1 '.repeat(61), message: 'Địa chỉ dài tối đa 300 ký tự' },
    { field: 'openingHours', value: '   ', message: 'Giờ làm việc không được để trống' },
  ])('refuses a bad $field with a 400 in Vietnamese: “$message”', async ({ field, value, message }) => {
    const { revision } = await unitNow(world.departmentId);
    const response = await patch(provinceAdmin, world.departmentId, { [field]: value }, `"${revision}"`);
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.errors?.find((e) => e.field === field)?.detail).toContain(message);
    expect((await unitNow(world.departmentId)).revision).toBe(revision);
  });

  it('the database itself refuses a map link that is not https, whoever writes it', async () => {
    const write = withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .update(schema.orgUnits)
        .set({ mapUrl: 'javascript:alert(1)' })
        .where(and(eq(schema.orgUnits.tenantId, world.tenantId), eq(schema.orgUnits.id, world.wardId))),
    );
    // 23514: check_violation, from the CHECK of migration 0047.
    await expect(write).rejects.toMatchObject({ cause: { code: '23514' } });
  });

  it('accepts the ways a Vietnamese hotline is written', async () => {
    for (const hotline of ['1900 1234', '1800.599.920', '(024) 3825 1234', '+84 24 3825 1234', '0912 345 678']) {
      const { revision } = await unitNow(world.wardTeamId);
      expect((await patch(provinceAdmin, world.wardTeamId, { hotline }, `"${revision}"`)).status).toBe(200);
    }
  });

  it('a unit admin sets them in their subtree but not outside it', async () => {
    const inside = await unitNow(world.wardTeamId);
    expect((await patch(unitAdmin, world.wardTeamId, { openingHours: 'Sáng thứ Bảy 7:30–11:30' }, `"${inside.revision}"`)).status).toBe(200);
    const outside = await unitNow(world.departmentId);
    const refused = await patch(unitAdmin, world.departmentId, { hotline: '1900 9999' }, `"${outside.revision}"`);
    expect(refused.status).toBe(403);
    expect(await unitNow(world.departmentId)).toMatchObject({ hotline: CONTACT.hotline, revision: outside.revision });
  });
});

describe('where a citizen goes', () => {
  let w: DossierWorld;
  let dossierCode: string;

  beforeAll(async () => {
    w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'), { requiredComponent: false });
    await withTenant(deps.sql, w.tenantId, (tx) =>
      tx
        .update(schema.orgUnits)
        .set(CONTACT)
        .where(and(eq(schema.orgUnits.tenantId, w.tenantId), eq(schema.orgUnits.id, w.communeId))),
    );
    const response = await client.submit(await signIn(app, w.logins.citizen), w.tenantId, onlineBody(w));
    expect(response.status).toBe(201);
    dossierCode = (await client.json<{ code: string }>(response)).code;
  });

  it('the portal’s receiving units and the procedure page carry the contact details', async () => {
    const units = await client.get(null, `/api/public/provinces/${w.tenantId}/receiving-units`);
    expect(await units.json()).toEqual([{ id: w.communeId, code: w.communeCode, name: 'Bộ phận một cửa xã An Bình', ...CONTACT }]);
    const detail = (await (await client.get(null, `/api/public/provinces/${w.tenantId}/procedures/${w.procedureCode}`)).json()) as {
      receivingUnits: unknown[];
    };
    expect(detail.receivingUnits).toEqual([{ id: w.communeId, code: w.communeCode, name: 'Bộ phận một cửa xã An Bình', ...CONTACT }]);
  });

  it('the status lookup names the receiving unit with its contacts and nothing about a person', async () => {
    const response = await client.get(null, `/api/public/dossier-status?tenantId=${w.tenantId}&code=${dossierCode}&idSuffix=6789`, '198.51.100.60');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ receivingUnitName: 'Bộ phận một cửa xã An Bình', receivingUnitContact: CONTACT });
    // The applicant's name, ID number, phone and email (onlineBody) appear nowhere.
    expect(JSON.stringify(body)).not.toMatch(/Nguyễn Văn An|6789|0912345678|an\.nguyen@example\.vn/);
  });
});
