import { randomInt, randomUUID } from 'node:crypto';
import { ensureRootUnit, hashPassword } from '@gov/core';
import { schema, withTenant, type Db, type Sql } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import type { ProcessStep, TenantRole } from '@gov/domain';

export const BENCH_PASSWORD = 'BenchMark2026!';
type Officer = 'reception' | 'specialist' | 'leader' | 'clerk';

export interface BenchProvince {
  tenantId: string;
  procedureCode: string;
  receivingUnitIds: string[];
  logins: Record<Officer | 'citizen', string>;
}

const step = (key: string, kind: ProcessStep['kind'], role: TenantRole, orgUnitId: string, nationalStatus: number): ProcessStep => ({
  key,
  kind,
  name: key,
  role,
  orgUnitId,
  allottedWorkingHours: 8,
  nationalStatus,
  localStatus: key,
  allowReturnToPrevious: false,
});

/**
 * A fresh province for one bench run: `units` receiving units (so the per-unit daily counter,
 * which serialises intakes at one unit by design, is not what is measured), a four-step commune
 * process at the first unit, its officers and one citizen.
 */
export async function setupBenchProvince(a: { db: Db; sql: Sql; ownerUrl: string; units: number }): Promise<BenchProvince> {
  const tenantId = await createTenant(a.ownerUrl, 'Tỉnh Đo hiệu năng');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let procedureCode = '';
  while (!procedureCode) {
    const [row] = await a.db
      .insert(schema.procedures)
      .values({
        code: `2.6${String(randomInt(0, 100_000)).padStart(5, '0')}`,
        version: 1,
        name: 'Thủ tục đo hiệu năng',
        sector: 'Nội vụ',
        level: 'commune',
        channels: ['online'],
        cases: [{ code: 'default', name: 'Mặc định', components: [{ code: 'don', name: 'Đơn', originals: 1, copies: 0, required: false }] }],
        processingTime: [{ channel: 'online', amount: 5, unit: 'working_days' }],
        onlineServiceLevel: 'full',
      })
      .onConflictDoNothing()
      .returning({ code: schema.procedures.code });
    procedureCode = row?.code ?? '';
  }
  const citizen = `bench-citizen-${randomUUID().slice(0, 8)}`;
  await a.db.insert(schema.users).values({ login: citizen, passwordHash, kind: 'citizen', displayName: 'Công dân đo hiệu năng' });
  return withTenant(a.sql, tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, tenantId);
    const receivingUnitIds = Array.from({ length: a.units }, () => randomUUID());
    await tx.insert(schema.orgUnits).values(
      receivingUnitIds.map((id, i) => ({
        tenantId,
        id,
        parentId: root.id,
        path: [...root.path, id],
        code: `BX${i}${id.slice(0, 4).toUpperCase()}`,
        name: `Xã đo hiệu năng ${i + 1}`,
        kind: 'commune_one_stop' as const,
      })),
    );
    const unit = receivingUnitIds[0]!;
    const logins = { citizen } as Record<Officer | 'citizen', string>;
    for (const [name, role] of [
      ['reception', 'reception_officer'],
      ['specialist', 'specialist'],
      ['leader', 'leader'],
      ['clerk', 'result_clerk'],
    ] as const) {
      const login = `bench-${name}-${randomUUID().slice(0, 8)}`;
      const [user] = await tx.insert(schema.users).values({ login, passwordHash, kind: 'officer', homeTenantId: tenantId, displayName: name }).returning();
      await tx.insert(schema.tenantUsers).values({ tenantId, userId: user!.id, fullName: `Cán bộ ${name}`, orgUnitId: unit });
      await tx.insert(schema.roleAssignments).values({ tenantId, userId: user!.id, role, orgUnitId: unit, reason: 'bench' });
      logins[name] = login;
    }
    await tx.insert(schema.procedureSettings).values({ tenantId, procedureCode, receivingUnitIds, handlingUnitIds: [unit] });
    await tx.insert(schema.processDefinitions).values({
      tenantId,
      procedureCode,
      version: 1,
      status: 'published',
      publishedAt: new Date(),
      steps: [
        step('receive', 'receive', 'reception_officer', unit, 1),
        step('process', 'process', 'specialist', unit, 4),
        step('approve', 'approve', 'leader', unit, 4),
        step('return', 'return_result', 'result_clerk', unit, 9),
      ],
    });
    return { tenantId, procedureCode, receivingUnitIds, logins };
  });
}
