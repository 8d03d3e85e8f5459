import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { buildTenantWorld, connEnv, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Bulk import of the organisation tree from a CSV file: parents in the province or earlier in the
// file; all or nothing, with a row-by-row report.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;
let provinceAdmin: Session;
let unitAdmin: Session;
const codes = { root: '', ward: '', department: '' };

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  [provinceAdmin, unitAdmin] = [await signIn(app, world.logins.province_admin), await signIn(app, world.logins.unit_admin)];
  const units = await withTenant(deps.sql, world.tenantId, (tx) => tx.select({ id: schema.orgUnits.id, code: schema.orgUnits.code }).from(schema.orgUnits));
  const codeOf = (id: string) => units.find((u) => u.id === id)!.code;
  Object.assign(codes, { root: codeOf(world.rootId), ward: codeOf(world.wardId), department: codeOf(world.departmentId) });
});
afterAll(close);

const HEADER = 'Mã đơn vị;Tên đơn vị;Loại đơn vị;Mã đơn vị cấp trên';
const upload = (session: Session, csv: string, dryRun: boolean) =>
  app.request(
    `/api/tenants/${world.tenantId}/org-units/import?dryRun=${dryRun}`,
    { method: 'POST', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'text/csv' }, body: csv },
    connEnv('203.0.113.31'),
  );
const unitsCoded = (list: string[]) =>
  withTenant(deps.sql, world.tenantId, (tx) =>
    tx
      .select({ code: schema.orgUnits.code, parentId: schema.orgUnits.parentId, kind: schema.orgUnits.kind, path: schema.orgUnits.path })
      .from(schema.orgUnits)
      .where(and(eq(schema.orgUnits.tenantId, world.tenantId), inArray(schema.orgUnits.code, list))),
  );
type Report = { report: { row: number; field: string; problem: string }[] };

describe('POST /api/tenants/:t/org-units/import', () => {
  it('creates a subtree whose parents come earlier in the file, with kinds by their Vietnamese names, and audits each unit', async () => {
    const t = randomUUID().slice(0, 6).toUpperCase();
    const csv = `\uFEFF${HEADER}\r\nSTP-${t};Sở Tư pháp;Sở, ban, ngành;${codes.root}\r\nSTP-${t}-HT;Phòng Hộ tịch;Phòng, bộ phận;stp-${t}\r\n`;
    expect(await (await upload(provinceAdmin, csv, true)).json()).toEqual({ dryRun: true, checked: 2, created: 0 });
    expect(await unitsCoded([`STP-${t}`])).toEqual([]);
    expect(await (await upload(provinceAdmin, csv, false)).json()).toEqual({ dryRun: false, checked: 2, created: 2 });
    const [dept, office] = [...(await unitsCoded([`STP-${t}`, `STP-${t}-HT`]))].sort((a, b) => a.code.length - b.code.length);
    expect(dept).toMatchObject({ kind: 'department', parentId: world.rootId });
    expect(office).toMatchObject({ kind: 'office', path: [...dept!.path, expect.any(String)] });
    const audited = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, 'org_unit.created'), eq(schema.auditLog.tenantId, world.tenantId))),
    );
    expect(audited.filter((a) => JSON.stringify(a.details).includes(`STP-${t}`))).toHaveLength(2);
  });

  it("reports unknown parents, taken codes, bad kinds and units outside the admin's subtree, and writes nothing", async () => {
    const t = randomUUID().slice(0, 6).toUpperCase();
    const csv = [
      HEADER,
      `A-${t};Đơn vị A;Phòng, bộ phận;${codes.ward}`,
      `${codes.ward};Trùng mã;Phòng, bộ phận;${codes.root}`,
      `B-${t};Đơn vị B;Chợ;${codes.ward}`,
      `C-${t};Đơn vị C;Khác;KHONG-CO`,
    ].join('\n');
    const body = (await (await upload(provinceAdmin, csv, false)).json()) as Report;
    expect(body.report.map((p) => [p.row, p.field])).toEqual([
      [3, 'Mã đơn vị'],
      [4, 'Loại đơn vị'],
      [5, 'Mã đơn vị cấp trên'],
    ]);
    expect(await unitsCoded([`A-${t}`])).toEqual([]);
    // A unit admin of the ward may build under it, not under the department.
    const outside = (await (await upload(unitAdmin, `${HEADER}\nD-${t};Đơn vị D;Khác;${codes.department}`, true)).json()) as Report;
    expect(outside.report).toEqual([expect.objectContaining({ row: 2, problem: `bạn không có quyền tạo đơn vị dưới ${codes.department}` })]);
    expect((await upload(unitAdmin, `${HEADER}\nD-${t};Đơn vị D;Khác;${codes.ward}`, false)).status).toBe(200);
  });
});
