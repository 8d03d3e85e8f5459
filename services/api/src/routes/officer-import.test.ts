import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { buildTenantWorld, connEnv, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Bulk import of officers from a CSV file: a dry run reports row by row, applying writes every
// officer with its invitation and audit record, or nothing at all.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;
let other: TenantWorld;
let provinceAdmin: Session;
let unitAdmin: Session;
let otherAdmin: Session;
const codes: Record<'root' | 'ward' | 'department', string> = { root: '', ward: '', department: '' };

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  other = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  [provinceAdmin, unitAdmin, otherAdmin] = [
    await signIn(app, world.logins.province_admin),
    await signIn(app, world.logins.unit_admin),
    await signIn(app, other.logins.province_admin),
  ];
  const units = await withTenant(deps.sql, world.tenantId, (tx) => tx.select({ id: schema.orgUnits.id, code: schema.orgUnits.code }).from(schema.orgUnits));
  const codeOf = (id: string) => units.find((u) => u.id === id)!.code;
  Object.assign(codes, { root: codeOf(world.rootId), ward: codeOf(world.wardId), department: codeOf(world.departmentId) });
});
afterAll(close);

const HEADER = 'Họ và tên,Tên đăng nhập,Số CCCD,Điện thoại di động,Email công vụ,Chức vụ,Mã đơn vị';
const tag = () => randomUUID().slice(0, 8);

function upload(session: Session, tenantId: string, csv: string, dryRun: boolean) {
  return app.request(
    `/api/tenants/${tenantId}/users/import?dryRun=${dryRun}`,
    { method: 'POST', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'text/csv' }, body: csv },
    connEnv('203.0.113.30'),
  );
}

type Report = { status: number; title: string; report: { row: number; field: string; problem: string }[] };

async function officersNamed(logins: string[]) {
  return withTenant(deps.sql, world.tenantId, (tx) =>
    tx
      .select({ login: schema.users.login, orgUnitId: schema.tenantUsers.orgUnitId, position: schema.tenantUsers.position })
      .from(schema.users)
      .innerJoin(schema.tenantUsers, and(eq(schema.tenantUsers.userId, schema.users.id), eq(schema.tenantUsers.tenantId, world.tenantId)))
      .where(inArray(schema.users.login, logins)),
  );
}

describe('POST /api/tenants/:t/users/import', () => {
  it('checks a file written by Excel (BOM, ";") without writing, then creates, invites and audits every officer', async () => {
    const t = tag();
    const logins = [`lan.${t}`, `hung.${t}`];
    const csv =
      '\uFEFF' +
      [
        HEADER.replaceAll(',', ';'),
        `Phạm Thị Lan;${logins[0]};001099012345;0912 345 678;lan.${t}@example.gov.vn;Chuyên viên;${codes.ward}`,
        `"Lê Văn Hùng";${logins[1]};001085001234;0987654321;hung.${t}@example.gov.vn;"Phó trưởng phòng; phụ trách";${codes.department}`,
      ].join('\r\n');
    const checked = await upload(provinceAdmin, world.tenantId, csv, true);
    expect(checked.status).toBe(200);
    expect(await checked.json()).toEqual({ dryRun: true, checked: 2, created: 0 });
    expect(await officersNamed(logins)).toEqual([]);

    const applied = await upload(provinceAdmin, world.tenantId, csv, false);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toEqual({ dryRun: false, checked: 2, created: 2 });
    const created = await officersNamed(logins);
    expect(created.map((o) => [o.login, o.orgUnitId, o.position]).sort()).toEqual(
      [
        [logins[0], world.wardId, 'Chuyên viên'],
        [logins[1], world.departmentId, 'Phó trưởng phòng; phụ trách'],
      ].sort(),
    );
    // Each officer gets an invitation through the outbox (only the code's digest is stored) and an audit record.
    const ids = (await deps.db.select({ id: schema.users.id }).from(schema.users).where(inArray(schema.users.login, logins))).map((u) => u.id);
    const invitations = await deps.db
      .select({ channel: schema.oneTimeCodes.channel, purpose: schema.oneTimeCodes.purpose, queued: schema.accountOutbox.codeId })
      .from(schema.oneTimeCodes)
      .innerJoin(schema.accountOutbox, eq(schema.accountOutbox.codeId, schema.oneTimeCodes.id))
      .where(inArray(schema.oneTimeCodes.userId, ids));
    expect(invitations).toHaveLength(2);
    expect(invitations.every((i) => i.purpose === 'invitation' && i.channel === 'email')).toBe(true);
    const audited = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select({ details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, 'user.created'), inArray(schema.auditLog.subjectId, ids))),
    );
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(audited)).not.toContain('001099012345');
  });

  it('reports every bad row with its line and column in Vietnamese, and writes nothing', async () => {
    const t = tag();
    const csv = [
      HEADER,
      `Nguyễn Văn An,an.${t},001099012345,0912345678,an.${t}@example.gov.vn,Chuyên viên,${codes.ward}`,
      `Trần Bình,binh.${t},12345,0912345678,binh.${t}@example.gov.vn,Chuyên viên,${codes.ward}`,
      `Lý Chi,an.${t},001099054321,0912345678,chi.${t}@example.gov.vn,Chuyên viên,${codes.ward}`,
      `Đỗ Dũng,dung.${t},001099011111,0912345678,dung.${t}@example.gov.vn,Chuyên viên,KHONG-CO`,
      `Hà Em,${world.logins.specialist},001099022222,0912345678,em.${t}@example.gov.vn,Chuyên viên,${codes.ward}`,
    ].join('\n');
    const response = await upload(provinceAdmin, world.tenantId, csv, false);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const body = (await response.json()) as Report;
    expect(body.report).toEqual([
      expect.objectContaining({ row: 3, field: 'Số CCCD', problem: 'Số CCCD gồm đúng 12 chữ số, bắt đầu bằng mã tỉnh (0xx)' }),
      expect.objectContaining({ row: 4, field: 'Tên đăng nhập', problem: 'trùng tên đăng nhập với dòng 2' }),
      expect.objectContaining({ row: 5, field: 'Mã đơn vị', problem: 'không có đơn vị mã KHONG-CO trong tỉnh' }),
      expect.objectContaining({ row: 6, field: 'Tên đăng nhập', problem: `tên đăng nhập ${world.logins.specialist} đã tồn tại` }),
    ]);
    expect(await officersNamed([`an.${t}`, `dung.${t}`])).toEqual([]);
  });

  it('names missing and unknown columns, and refuses an empty file', async () => {
    const missing = (await (await upload(provinceAdmin, world.tenantId, 'Họ và tên,Tên đăng nhập,Ghi chú\nA,b,c', true)).json()) as Report;
    expect(missing.report.map((p) => p.problem)).toEqual(
      expect.arrayContaining(['cột "Ghi chú" không được hỗ trợ', 'thiếu cột "Số CCCD"', 'thiếu cột "Mã đơn vị"']),
    );
    const empty = await upload(provinceAdmin, world.tenantId, `${HEADER}\n`, true);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Report).report).toEqual([expect.objectContaining({ problem: 'tệp không có dòng cán bộ nào' })]);
  });

  it('lets a unit admin import only into their subtree, and another province nothing', async () => {
    const t = tag();
    const outside = `${HEADER}\nA Bê,ab.${t},001099033333,0912345678,ab.${t}@example.gov.vn,Chuyên viên,${codes.department}`;
    const refused = (await (await upload(unitAdmin, world.tenantId, outside, true)).json()) as Report;
    expect(refused.report).toEqual([
      expect.objectContaining({ row: 2, field: 'Mã đơn vị', problem: `bạn không có quyền tạo cán bộ tại đơn vị ${codes.department}` }),
    ]);
    const inside = `${HEADER}\nA Bê,ab.${t},001099033333,0912345678,ab.${t}@example.gov.vn,Chuyên viên,${codes.ward}`;
    expect((await upload(unitAdmin, world.tenantId, inside, false)).status).toBe(200);
    // The other province's admin cannot import here at all, whatever the file says.
    expect((await upload(otherAdmin, world.tenantId, inside, true)).status).toBe(403);
  });

  it('checks again when applying: a login taken since the dry run is reported and nothing is kept', async () => {
    const t = tag();
    const csv = [HEADER, `Một,mot.${t},001099044444,0912345678,mot.${t}@example.gov.vn,Chuyên viên,${codes.ward}`].join('\n');
    expect((await upload(provinceAdmin, world.tenantId, csv, true)).status).toBe(200);
    // Someone else takes the login in the meantime, in another province.
    await withTenant(deps.sql, other.tenantId, (tx) =>
      tx.insert(schema.users).values({ login: `mot.${t}`, kind: 'officer', homeTenantId: other.tenantId, displayName: 'Khác' }),
    );
    const response = await upload(provinceAdmin, world.tenantId, csv, false);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Report).report).toEqual([expect.objectContaining({ row: 2, problem: `tên đăng nhập mot.${t} đã tồn tại` })]);
    expect(await officersNamed([`mot.${t}`])).toEqual([]);
  });
});
