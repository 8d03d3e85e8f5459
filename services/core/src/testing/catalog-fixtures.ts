import { randomInt, randomUUID } from 'node:crypto';
import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import { createAppAbility, type AppRule, type ProcedureRecordInput } from '@gov/domain';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';

/**
 * Test-only helpers for the catalog, designer and calendar suites. Abilities are built directly
 * from the permission vocabulary of @gov/domain, so these suites do not depend on role loading.
 */
export const ministryAdminRules: AppRule[] = [
  { action: 'read', subject: 'Procedure' },
  { action: 'manage', subject: 'Procedure' },
  // Convention: the ministry's own (default) processes are ProcessDefinitions with tenantId null.
  { action: 'publish', subject: 'ProcessDefinition', conditions: { tenantId: null } },
];

export const provinceAdminRules = (tenantId: string): AppRule[] => [
  { action: 'read', subject: 'Procedure' },
  ...(['activate', 'read', 'update'] as const).map((action) => ({ action, subject: 'ProcedureSetting' as const, conditions: { tenantId } })),
  ...(['create', 'update', 'publish', 'read'] as const).map((action) => ({ action, subject: 'ProcessDefinition' as const, conditions: { tenantId } })),
  { action: 'manage', subject: 'Calendar', conditions: { tenantId } },
];

export const citizenRules: AppRule[] = [{ action: 'read', subject: 'Procedure' }];

/** A request context for a real user (audit and created_by columns reference users). */
export async function contextFor(deps: { db: Db; sql: Sql }, rules: AppRule[], kind: 'officer' | 'ministry' | 'citizen' = 'officer'): Promise<ServiceContext> {
  const [user] = await deps.db
    .insert(schema.users)
    .values({ login: `${kind}-${randomUUID()}`, kind, displayName: 'Người thử' })
    .returning({ id: schema.users.id });
  return {
    requestId: `test-${randomUUID()}`,
    db: deps.db,
    sql: deps.sql,
    actor: { userId: user!.id, kind, displayName: 'Người thử' },
    ability: createAppAbility(rules),
    grants: [],
  };
}

/** A random code outside the seed's range (`2.9xxxxx`); may exist from an earlier run. */
export const uniqueCode = () => `2.9${String(randomInt(0, 100_000)).padStart(5, '0')}`;

/** A code with no catalog row yet: the test database persists between runs. */
export async function freshCode(db: Db): Promise<string> {
  for (;;) {
    const code = uniqueCode();
    const [taken] = await db.select({ id: schema.procedures.id }).from(schema.procedures).where(eq(schema.procedures.code, code)).limit(1);
    const [template] = await db
      .select({ id: schema.defaultProcesses.id })
      .from(schema.defaultProcesses)
      .where(eq(schema.defaultProcesses.procedureCode, code))
      .limit(1);
    if (!taken && !template) return code;
  }
}

export function sampleProcedure(code: string, overrides: Partial<ProcedureRecordInput> = {}): ProcedureRecordInput {
  return {
    code,
    name: 'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh (thử nghiệm)',
    sector: 'Thi đua, khen thưởng',
    level: 'province',
    channels: ['online', 'in_person'],
    cases: [
      {
        code: 'default',
        name: 'Khen thưởng theo công trạng',
        components: [{ code: 'to-trinh', name: 'Tờ trình đề nghị khen thưởng', originals: 1, copies: 0 }],
      },
    ],
    processingTime: [
      { channel: 'online', amount: 5, unit: 'working_days' },
      { channel: 'in_person', amount: 5, unit: 'working_days' },
    ],
    handlingAgency: 'Sở Nội vụ',
    legalBasis: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
    onlineServiceLevel: 'full',
    interAgency: true,
    ...overrides,
  };
}

export interface ProvinceFixture {
  tenantId: string;
  rootId: string;
  communeUnitId: string;
  departmentUnitId: string;
}

/**
 * A province with a People's Committee root, a commune one-stop unit and the Department of Home
 * Affairs (Sở Nội vụ), and officers holding the roles a two-level process needs at each.
 */
export async function createProvince(sql: Sql, ownerUrl: string): Promise<ProvinceFixture> {
  const tenantId = await createTenant(ownerUrl, 'Tỉnh Thử nghiệm Danh mục');
  return withTenant(sql, tenantId, async (tx) => {
    const [rootId, communeUnitId, departmentUnitId] = [randomUUID(), randomUUID(), randomUUID()];
    const tag = rootId.slice(0, 6).toUpperCase();
    await tx.insert(schema.orgUnits).values([
      { tenantId, id: rootId, path: [rootId], code: `UB${tag}`, name: 'Ủy ban nhân dân tỉnh', kind: 'people_committee' },
      {
        tenantId,
        id: communeUnitId,
        parentId: rootId,
        path: [rootId, communeUnitId],
        code: `XA${tag}`,
        name: 'Bộ phận một cửa xã Thử nghiệm',
        kind: 'commune_one_stop',
      },
      { tenantId, id: departmentUnitId, parentId: rootId, path: [rootId, departmentUnitId], code: `SNV${tag}`, name: 'Sở Nội vụ', kind: 'department' },
    ]);
    const [user] = await tx
      .insert(schema.users)
      .values({ login: `catalog-${randomUUID()}`, kind: 'officer', displayName: 'Cán bộ' })
      .returning();
    const roles = ['reception_officer', 'specialist', 'leader', 'result_clerk'] as const;
    await tx
      .insert(schema.roleAssignments)
      .values(
        [communeUnitId, departmentUnitId].flatMap((orgUnitId) => roles.map((role) => ({ tenantId, userId: user!.id, role, orgUnitId, reason: 'fixture' }))),
      );
    return { tenantId, rootId, communeUnitId, departmentUnitId };
  });
}
