import { randomUUID } from 'node:crypto';
import { schema as s, withTenant, type Sql } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import type { DossierActor, ProcessSnapshot, ProcessStep } from '@gov/domain';

/** Test-only: a province with a commune one-stop unit, a provincial department and officers. */
export interface DossierFixture {
  tenantId: string;
  communeId: string;
  departmentId: string;
  procedureId: string;
  procedureCode: string;
  officers: Record<'reception' | 'communeLeader' | 'specialist' | 'clerk' | 'deptSpecialist' | 'deptLeader', DossierActor>;
  citizen: DossierActor;
}

export async function createDossierFixture(sql: Sql, ownerUrl: string): Promise<DossierFixture> {
  const tenantId = await createTenant(ownerUrl, 'Tỉnh Liên thông');
  return withTenant(sql, tenantId, async (tx) => {
    const communeId = randomUUID();
    const departmentId = randomUUID();
    await tx.insert(s.orgUnits).values([
      { tenantId, id: departmentId, path: [departmentId], code: `S${departmentId.slice(0, 6)}`, name: 'Sở Nội vụ', kind: 'department' },
      { tenantId, id: communeId, path: [communeId], code: `X${communeId.slice(0, 6)}`, name: 'Bộ phận một cửa xã', kind: 'commune_one_stop' },
    ]);
    const person = async (role: DossierActor['role'], unitId?: string): Promise<DossierActor> => {
      const [user] = await tx
        .insert(s.users)
        .values({ login: `${role}-${randomUUID()}`, kind: role === 'citizen' ? 'citizen' : 'officer', displayName: role })
        .returning();
      return { userId: user!.id, role, ...(unitId ? { unitId } : {}) };
    };
    const [procedure] = await tx
      .insert(s.procedures)
      .values({
        code: `9.${randomUUID().slice(0, 6)}`,
        version: 1,
        name: 'Thủ tục thử nghiệm',
        sector: 'Nội vụ',
        level: 'commune',
        channels: ['online'],
        processingTime: { online: { days: 5, unit: 'working' } },
        onlineServiceLevel: 'full',
      })
      .returning();
    return {
      tenantId,
      communeId,
      departmentId,
      procedureId: procedure!.id,
      procedureCode: procedure!.code,
      officers: {
        reception: await person('reception_officer', communeId),
        communeLeader: await person('leader', communeId),
        specialist: await person('specialist', communeId),
        clerk: await person('result_clerk', communeId),
        deptSpecialist: await person('specialist', departmentId),
        deptLeader: await person('leader', departmentId),
      },
      citizen: await person('citizen'),
    };
  });
}

/** A dossier row as intake would leave it: newly registered (1), at the commune. */
export async function createDossierRow(sql: Sql, f: DossierFixture): Promise<string> {
  const id = randomUUID();
  await withTenant(sql, f.tenantId, (tx) =>
    tx.insert(s.dossiers).values({
      tenantId: f.tenantId,
      id,
      code: `X-${id.slice(0, 8)}`,
      procedureId: f.procedureId,
      channel: 'online',
      receivingUnitId: f.communeId,
      currentUnitId: f.communeId,
      applicantName: 'Nguyễn Văn A',
      nationalStatus: 1,
      localStatus: 'awaiting_reception',
      receivedAt: new Date(),
    }),
  );
  return id;
}

type StepSpec = Pick<ProcessStep, 'key' | 'kind' | 'role' | 'orgUnitId'> & Partial<ProcessStep>;

const step = (spec: StepSpec, hours: number): ProcessStep => ({
  name: spec.key,
  allottedWorkingHours: hours,
  nationalStatus: 4,
  localStatus: spec.key,
  allowReturnToPrevious: false,
  ...spec,
});

/** Commune only: receive → assign → process → approve → return result. */
export function communeSnapshot(f: DossierFixture, o: { days?: number; hours?: number } = {}): ProcessSnapshot {
  const h = o.hours ?? 8;
  return snapshot(f, o.days ?? 5, [
    step({ key: 'receive', kind: 'receive', role: 'reception_officer', orgUnitId: f.communeId, nationalStatus: 1 }, h),
    step({ key: 'assign', kind: 'assign', role: 'leader', orgUnitId: f.communeId, nationalStatus: 2, localStatus: 'awaiting_assignment' }, h),
    step({ key: 'process', kind: 'process', role: 'specialist', orgUnitId: f.communeId, allowReturnToPrevious: true }, h),
    step({ key: 'approve', kind: 'approve', role: 'leader', orgUnitId: f.communeId, localStatus: 'awaiting_approval', allowReturnToPrevious: true }, h),
    step({ key: 'return', kind: 'return_result', role: 'result_clerk', orgUnitId: f.communeId, nationalStatus: 9, localStatus: 'awaiting_return' }, h),
  ]);
}

/** Liên thông: commune receives → provincial department processes and approves → commune returns. */
export function handOverSnapshot(f: DossierFixture): ProcessSnapshot {
  return snapshot(f, 10, [
    step({ key: 'receive', kind: 'receive', role: 'reception_officer', orgUnitId: f.communeId, nationalStatus: 1 }, 8),
    step(
      { key: 'to-dept', kind: 'hand_over', role: 'reception_officer', orgUnitId: f.communeId, handOver: { direction: 'up', targetUnitId: f.departmentId } },
      4,
    ),
    step({ key: 'dept-process', kind: 'process', role: 'specialist', orgUnitId: f.departmentId }, 16),
    step({ key: 'dept-approve', kind: 'approve', role: 'leader', orgUnitId: f.departmentId }, 8),
    step(
      { key: 'to-commune', kind: 'hand_over', role: 'specialist', orgUnitId: f.departmentId, handOver: { direction: 'down', targetUnitId: f.communeId } },
      4,
    ),
    step({ key: 'return', kind: 'return_result', role: 'result_clerk', orgUnitId: f.communeId, nationalStatus: 9, localStatus: 'awaiting_return' }, 8),
  ]);
}

/**
 * Rẽ nhánh: reception sends a dossier over 500 m² to a site check, others straight to the
 * specialist (a condition on the form's `dien_tich`); the leader then approves ("dong_y" → sign)
 * or refuses ("tu_choi" → refusal letter), and both rejoin at the return.
 */
export function branchingSnapshot(f: DossierFixture, hours = 8): ProcessSnapshot {
  const c = f.communeId;
  return snapshot(f, 10, [
    step(
      {
        key: 'receive',
        kind: 'receive',
        role: 'reception_officer',
        orgUnitId: c,
        nationalStatus: 1,
        next: { by: 'condition', rules: [{ when: { field: 'dien_tich', op: 'gt', value: 500 }, to: 'site-check' }], otherwise: 'process' },
      },
      hours,
    ),
    step({ key: 'site-check', kind: 'process', role: 'specialist', orgUnitId: c, next: { by: 'goto', to: 'decide' } }, hours * 2),
    step({ key: 'process', kind: 'process', role: 'specialist', orgUnitId: c }, hours),
    step(
      {
        key: 'decide',
        kind: 'approve',
        role: 'leader',
        orgUnitId: c,
        next: {
          by: 'choice',
          outcomes: [
            { key: 'dong_y', label: 'Đồng ý', to: 'sign' },
            { key: 'tu_choi', label: 'Từ chối', to: 'refusal' },
          ],
        },
      },
      hours,
    ),
    step({ key: 'sign', kind: 'process', role: 'specialist', orgUnitId: c, next: { by: 'goto', to: 'return' } }, hours),
    step({ key: 'refusal', kind: 'process', role: 'specialist', orgUnitId: c, allowReturnToPrevious: true }, hours),
    step({ key: 'return', kind: 'return_result', role: 'result_clerk', orgUnitId: c, nationalStatus: 9, localStatus: 'awaiting_return' }, hours),
  ]);
}

function snapshot(f: DossierFixture, days: number, steps: ProcessStep[]): ProcessSnapshot {
  return {
    processDefinitionId: randomUUID(),
    tenantId: f.tenantId,
    procedureCode: f.procedureCode,
    caseCode: 'default',
    version: 1,
    statutoryTime: { amount: days, unit: 'working_days' },
    steps,
  };
}

/**
 * Lấy ý kiến: reception → the commune specialist asks `units` at once, within `hours` → the
 * leader approves → return. `wait` is the step's rule (docs/domain/consultations.md).
 */
export function consultationSnapshot(
  f: DossierFixture,
  args: { wait: 'all' | 'deadline'; hours: number; units: { orgUnitId: string; workingHours: number }[] },
): ProcessSnapshot {
  const c = f.communeId;
  return snapshot(f, 10, [
    step({ key: 'receive', kind: 'receive', role: 'reception_officer', orgUnitId: c, nationalStatus: 1 }, 8),
    step(
      {
        key: 'ask',
        kind: 'process',
        role: 'specialist',
        orgUnitId: c,
        name: 'Lấy ý kiến',
        consultation: { wait: args.wait, units: args.units, question: 'Ý kiến về hồ sơ?' },
      },
      args.hours,
    ),
    step({ key: 'approve', kind: 'approve', role: 'leader', orgUnitId: c }, 8),
    step({ key: 'return', kind: 'return_result', role: 'result_clerk', orgUnitId: c, nationalStatus: 9, localStatus: 'awaiting_return' }, 8),
  ]);
}
