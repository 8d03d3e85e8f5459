import { randomInt, randomUUID } from 'node:crypto';
import { ensureRootUnit, hashPassword } from '@gov/core';
import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import type { ProcessStep, TenantRole } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { createGlobalUser, PASSWORD } from './world.js';

export type Officer = 'reception' | 'specialist' | 'communeLeader' | 'clerk' | 'deptLeader' | 'deptSpecialist';

/** Test-only: a province where one procedure runs commune → department (liên thông) → commune. */
export interface DossierWorld {
  tenantId: string;
  communeId: string;
  communeCode: string;
  departmentId: string;
  procedureCode: string;
  logins: Record<Officer | 'citizen' | 'otherCitizen', string>;
}

const step = (key: string, kind: ProcessStep['kind'], role: TenantRole, orgUnitId: string, extra: Partial<ProcessStep> = {}): ProcessStep => ({
  key,
  kind,
  name: extra.name ?? key,
  role,
  orgUnitId,
  allottedWorkingHours: 8,
  nationalStatus: 4,
  localStatus: key,
  allowReturnToPrevious: false,
  ...extra,
});

/** A national procedure with a code no earlier run used (the test database persists). */
export async function freshProcedure(db: Db, required: boolean): Promise<string> {
  for (;;) {
    const code = `2.8${String(randomInt(0, 100_000)).padStart(5, '0')}`;
    const inserted = await db
      .insert(schema.procedures)
      .values({
        code,
        version: 1,
        name: 'Đăng ký thử nghiệm hồ sơ một cửa',
        sector: 'Nội vụ',
        level: 'commune',
        channels: ['online', 'in_person', 'postal'],
        cases: [
          {
            code: 'default',
            name: 'Mặc định',
            components: [
              { code: 'don', name: 'Đơn đề nghị', originals: 1, copies: 0, required },
              { code: 'cccd', name: 'Bản sao căn cước', originals: 0, copies: 1, required: false },
            ],
          },
        ],
        processingTime: [
          { channel: 'online', amount: 5, unit: 'working_days' },
          { channel: 'in_person', amount: 5, unit: 'working_days' },
          { channel: 'postal', amount: 7, unit: 'working_days' },
        ],
        onlineServiceLevel: 'full',
      })
      .onConflictDoNothing()
      .returning({ code: schema.procedures.code });
    if (inserted.length > 0) return code;
  }
}

export async function buildDossierWorld(deps: { db: Db; sql: Sql }, ownerUrl: string, opts: { requiredComponent?: boolean } = {}): Promise<DossierWorld> {
  const tenantId = await createTenant(ownerUrl, 'Tỉnh Thử nghiệm Hồ sơ');
  const procedureCode = await freshProcedure(deps.db, opts.requiredComponent ?? true);
  const passwordHash = await hashPassword(PASSWORD);
  const world = await withTenant(deps.sql, tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, tenantId);
    const [communeId, departmentId] = [randomUUID(), randomUUID()];
    const communeCode = `XA${communeId.slice(0, 4).toUpperCase()}`;
    await tx.insert(schema.orgUnits).values([
      {
        tenantId,
        id: communeId,
        parentId: root.id,
        path: [...root.path, communeId],
        code: communeCode,
        name: 'Bộ phận một cửa xã An Bình',
        kind: 'commune_one_stop',
      },
      {
        tenantId,
        id: departmentId,
        parentId: root.id,
        path: [...root.path, departmentId],
        code: `SNV${departmentId.slice(0, 4).toUpperCase()}`,
        name: 'Sở Nội vụ',
        kind: 'department',
      },
    ]);
    const officers: [Officer, TenantRole, string][] = [
      ['reception', 'reception_officer', communeId],
      ['specialist', 'specialist', communeId],
      ['communeLeader', 'leader', communeId],
      ['clerk', 'result_clerk', communeId],
      ['deptLeader', 'leader', departmentId],
      ['deptSpecialist', 'specialist', departmentId],
    ];
    const logins = {} as Record<Officer, string>;
    for (const [name, role, orgUnitId] of officers) {
      const login = `${name}-${randomUUID().slice(0, 8)}`.toLowerCase();
      const [user] = await tx.insert(schema.users).values({ login, passwordHash, kind: 'officer', homeTenantId: tenantId, displayName: name }).returning();
      await tx.insert(schema.tenantUsers).values({ tenantId, userId: user!.id, fullName: `Cán bộ ${name}`, orgUnitId });
      await tx.insert(schema.roleAssignments).values({ tenantId, userId: user!.id, role, orgUnitId, reason: 'dossier world' });
      logins[name] = login;
    }
    // The province's account for fees, as a VietQR needs it (bank BIN, account number, then a label).
    await tx.insert(schema.procedureSettings).values({
      tenantId,
      procedureCode,
      receivingUnitIds: [communeId],
      handlingUnitIds: [communeId, departmentId],
      beneficiaryAccount: '970436:0011000123456 KBNN tỉnh',
    });
    await tx.insert(schema.processDefinitions).values({
      tenantId,
      procedureCode,
      version: 1,
      status: 'published',
      publishedAt: new Date(),
      steps: [
        step('receive', 'receive', 'reception_officer', communeId, { name: 'Tiếp nhận hồ sơ', nationalStatus: 1, localStatus: 'awaiting_reception' }),
        step('process', 'process', 'specialist', communeId, { name: 'Công chức xã thẩm định', nationalStatus: 4 }),
        step('to-dept', 'hand_over', 'specialist', communeId, { name: 'Chuyển Sở Nội vụ', handOver: { direction: 'up', targetUnitId: departmentId } }),
        step('dept-approve', 'approve', 'leader', departmentId, { name: 'Lãnh đạo Sở phê duyệt', localStatus: 'awaiting_approval' }),
        step('to-commune', 'hand_over', 'specialist', departmentId, { name: 'Chuyển trả xã', handOver: { direction: 'down', targetUnitId: communeId } }),
        step('return', 'return_result', 'result_clerk', communeId, { name: 'Trả kết quả', nationalStatus: 9, localStatus: 'awaiting_return' }),
      ],
    });
    return { tenantId, communeId, communeCode, departmentId, procedureCode, logins };
  });
  const citizen = await createGlobalUser(deps.db, 'citizen');
  const otherCitizen = await createGlobalUser(deps.db, 'citizen');
  return { ...world, logins: { ...world.logins, citizen, otherCitizen } };
}

export const userIdOf = async (db: Db, login: string) =>
  (await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)))[0]!.id;

/** A one-page PDF that parses (uploads are checked by structure); `note` makes its bytes differ. */
export const pdfWith = (note: string) =>
  new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n% ${note}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );
export const PDF = pdfWith('scan');

/**
 * Test-only: the steps of a process in `from`'s province that hands the dossier over to `to`'s
 * department in another province (liên thông giữa hai tỉnh) and back — what the designer saves
 * through the API. Six hours a step keeps the total within the five statutory working days.
 */
export function interProvinceSteps(from: DossierWorld, to: DossierWorld): ProcessStep[] {
  const hours = { allottedWorkingHours: 6 };
  return [
    step('receive', 'receive', 'reception_officer', from.communeId, {
      ...hours,
      name: 'Tiếp nhận hồ sơ',
      nationalStatus: 1,
      localStatus: 'awaiting_reception',
    }),
    step('process', 'process', 'specialist', from.communeId, { ...hours, name: 'Công chức xã thẩm định' }),
    step('to-other-province', 'hand_over', 'specialist', from.communeId, {
      ...hours,
      name: 'Chuyển Sở tỉnh khác',
      handOver: { direction: 'up', targetUnitId: to.departmentId, targetTenantId: to.tenantId },
    }),
    step('other-approve', 'approve', 'leader', to.departmentId, { ...hours, name: 'Lãnh đạo Sở tỉnh khác phê duyệt', localStatus: 'awaiting_approval' }),
    step('back-to-commune', 'hand_over', 'specialist', to.departmentId, {
      ...hours,
      name: 'Chuyển trả xã',
      handOver: { direction: 'down', targetUnitId: from.communeId, targetTenantId: from.tenantId },
    }),
    step('return', 'return_result', 'result_clerk', from.communeId, { ...hours, name: 'Trả kết quả', nationalStatus: 9, localStatus: 'awaiting_return' }),
  ];
}

/** Test-only: a province administrator (who may design processes) at the world's root unit. */
export async function addProvinceAdmin(sql: Sql, world: DossierWorld): Promise<string> {
  const passwordHash = await hashPassword(PASSWORD);
  return withTenant(sql, world.tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, world.tenantId);
    const login = `padmin-${randomUUID().slice(0, 8)}`;
    const [user] = await tx
      .insert(schema.users)
      .values({ login, passwordHash, kind: 'officer', homeTenantId: world.tenantId, displayName: 'province admin' })
      .returning();
    await tx.insert(schema.tenantUsers).values({ tenantId: world.tenantId, userId: user!.id, fullName: 'Quản trị tỉnh', orgUnitId: root.id });
    await tx
      .insert(schema.roleAssignments)
      .values({ tenantId: world.tenantId, userId: user!.id, role: 'province_admin', orgUnitId: root.id, reason: 'dossier world' });
    return login;
  });
}
