import { createDb } from '@gov/db';
import { DomainError, type ProcessStep } from '@gov/domain';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { computeDueDate } from '../calendar/compute-due-date.js';
import { publishProcedure } from '../catalog/publish-procedure.js';
import type { ServiceContext } from '../context.js';
import { activateProcedure } from '../procedure-settings/activate-procedure.js';
import {
  citizenRules,
  contextFor,
  createProvince,
  ministryAdminRules,
  provinceAdminRules,
  sampleProcedure,
  uniqueCode,
  freshCode,
  type ProvinceFixture,
} from '../testing/catalog-fixtures.js';
import { copyDefaultProcess } from './copy-default-process.js';
import { listProcesses } from './list-processes.js';
import { publishDefaultProcess } from './publish-default-process.js';
import { publishProcess } from './publish-process.js';
import { saveProcessDraft } from './save-process-draft.js';

const deps = createDb(inject('databaseUrl'), { max: 3 });
afterAll(() => deps.sql.end({ timeout: 1 }));

let a: ProvinceFixture;
let b: ProvinceFixture;
let ministry: ServiceContext;
let adminA: ServiceContext;
let adminB: ServiceContext;
let code: string;

async function rejection(run: () => Promise<unknown>): Promise<DomainError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

/** Commune receives and checks, hands up to the Department of Home Affairs, which approves. */
function twoLevelSteps(p: ProvinceFixture, hours: [number, number, number, number] = [4, 8, 24, 4]): ProcessStep[] {
  const base = { nationalStatus: 4, localStatus: 'processing', allowReturnToPrevious: false };
  return [
    {
      ...base,
      key: 'receive',
      kind: 'receive',
      name: 'Tiếp nhận tại xã',
      role: 'reception_officer',
      orgUnitId: p.communeUnitId,
      allottedWorkingHours: hours[0],
      nationalStatus: 2,
      localStatus: 'received',
    },
    {
      ...base,
      key: 'up',
      kind: 'hand_over',
      name: 'Chuyển Sở Nội vụ',
      role: 'specialist',
      orgUnitId: p.communeUnitId,
      allottedWorkingHours: hours[1],
      handOver: { direction: 'up', targetUnitId: p.departmentUnitId },
    },
    {
      ...base,
      key: 'approve',
      kind: 'approve',
      name: 'Sở Nội vụ phê duyệt',
      role: 'leader',
      orgUnitId: p.departmentUnitId,
      allottedWorkingHours: hours[2],
      allowReturnToPrevious: true,
    },
    {
      ...base,
      key: 'return',
      kind: 'return_result',
      name: 'Trả kết quả',
      role: 'result_clerk',
      orgUnitId: p.communeUnitId,
      allottedWorkingHours: hours[3],
      nationalStatus: 9,
      localStatus: 'awaiting_return',
    },
  ];
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = await Promise.all([createProvince(deps.sql, ownerUrl), createProvince(deps.sql, ownerUrl)]);
  [ministry, adminA, adminB] = await Promise.all([
    contextFor(deps, ministryAdminRules, 'ministry'),
    contextFor(deps, provinceAdminRules(a.tenantId)),
    contextFor(deps, provinceAdminRules(b.tenantId)),
  ]);
  code = await freshCode(deps.db);
  await publishProcedure({ ctx: ministry, input: sampleProcedure(code) });
});

describe('done when: a province takes a ministry procedure to a published two-level process', () => {
  it('activates, designs, publishes, and promises the return date across Tết', async () => {
    const setting = await activateProcedure({
      ctx: adminA,
      ifMatch: '*',
      tenantId: a.tenantId,
      input: {
        procedureCode: code,
        receivingUnitIds: [a.communeUnitId],
        handlingUnitIds: [a.departmentUnitId],
        localFeeVnd: 0,
        beneficiaryAccount: 'KBNN tỉnh - 3511',
      },
    });
    expect(setting.active).toBe(true);
    const draft = await saveProcessDraft({ ctx: adminA, tenantId: a.tenantId, ifMatch: '*', input: { procedureCode: code, steps: twoLevelSteps(a) } });
    const published = await publishProcess({ ctx: adminA, tenantId: a.tenantId, ifMatch: '*', input: { id: draft.id } });
    expect(published).toMatchObject({ status: 'published', version: 1 });
    const due = await computeDueDate({
      ctx: adminA,
      tenantId: a.tenantId,
      input: { receivedAt: '2026-02-13T18:30:00+07:00', amount: 5, unit: 'working_days' },
    });
    expect(due.dueAtLocal).toBe('2026-02-27T17:00:00+07:00');
  });
});

describe('designer validation', () => {
  it('rejects an unknown unit, a role nobody holds, and a hand-over to a unit without the procedure', async () => {
    await activateProcedure({
      ctx: adminB,
      ifMatch: '*',
      tenantId: b.tenantId,
      input: { procedureCode: code, receivingUnitIds: [b.communeUnitId], handlingUnitIds: [b.communeUnitId] },
    });
    const steps = twoLevelSteps(b);
    steps[0] = { ...steps[0]!, orgUnitId: a.communeUnitId }; // tenant A's unit does not exist in B
    steps[2] = { ...steps[2]!, role: 'unit_admin' };
    const error = await rejection(() => saveProcessDraft({ ctx: adminB, tenantId: b.tenantId, ifMatch: '*', input: { procedureCode: code, steps } }));
    const problems = (error.details as { problems: { stepKey: string; field: string }[] }).problems;
    expect(problems.map((p) => [p.stepKey, p.field])).toEqual([
      ['receive', 'orgUnitId'],
      ['up', 'handOver.targetUnitId'],
      ['approve', 'role'],
    ]);
  });

  it('says by how much the steps exceed the statutory time', async () => {
    const error = await rejection(() =>
      saveProcessDraft({ ctx: adminA, tenantId: a.tenantId, ifMatch: '*', input: { procedureCode: code, steps: twoLevelSteps(a, [4, 8, 36, 4]) } }),
    );
    expect(error.userMessage.vi).toContain('vượt thời hạn giải quyết theo quy định (40 giờ làm việc (5 ngày làm việc)) 12 giờ làm việc (1,5 ngày làm việc)');
  });
});

describe('process versions', () => {
  it('a published version is immutable; the next save is a new draft version', async () => {
    const [first] = await listProcesses({ ctx: adminA, tenantId: a.tenantId, input: { procedureCode: code } });
    expect(first).toMatchObject({ status: 'published', version: 1 });
    expect((await rejection(() => publishProcess({ ctx: adminA, tenantId: a.tenantId, ifMatch: '*', input: { id: first!.id } }))).code).toBe('conflict');
    // No open draft: the save starts one (revision 0 is "none open").
    const draft = await saveProcessDraft({
      ctx: adminA,
      tenantId: a.tenantId,
      ifMatch: [0],
      input: { procedureCode: code, steps: twoLevelSteps(a, [2, 8, 24, 4]) },
    });
    // A second admin who also started from the published version finds the draft open: refused.
    const racing = await rejection(() =>
      saveProcessDraft({ ctx: adminA, tenantId: a.tenantId, ifMatch: [0], input: { procedureCode: code, steps: twoLevelSteps(a, [1, 8, 24, 4]) } }),
    );
    expect(racing.code).toBe('precondition_failed');
    const again = await saveProcessDraft({
      ctx: adminA,
      tenantId: a.tenantId,
      ifMatch: [draft.revision],
      input: { procedureCode: code, steps: twoLevelSteps(a, [3, 8, 24, 4]) },
    });
    expect([draft.version, again.id, again.revision]).toEqual([2, draft.id, draft.revision + 1]); // edits the open draft in place
    // Publishing what the first save showed would publish steps nobody reviewed: refused.
    expect((await rejection(() => publishProcess({ ctx: adminA, tenantId: a.tenantId, ifMatch: [draft.revision], input: { id: draft.id } }))).code).toBe(
      'precondition_failed',
    );
    await publishProcess({ ctx: adminA, tenantId: a.tenantId, ifMatch: [again.revision], input: { id: draft.id } });
    const versions = await listProcesses({ ctx: adminA, tenantId: a.tenantId, input: { procedureCode: code } });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
    expect(versions[1]!.steps[0]?.allottedWorkingHours).toBe(4); // the old version a running dossier holds
  });

  it('a province copies the ministry default process by mapping unit kinds to its units', async () => {
    const copyCode = await freshCode(deps.db);
    await publishProcedure({ ctx: ministry, input: sampleProcedure(copyCode) });
    const template = twoLevelSteps(a).map(({ handOver, ...s }) => ({
      ...s,
      orgUnitId: undefined,
      unitKind: s.key === 'approve' ? ('department' as const) : ('commune_one_stop' as const),
      ...(handOver ? { handOver: { direction: handOver.direction, targetUnitKind: 'department' as const } } : {}),
    }));
    const published = await publishDefaultProcess({ ctx: ministry, input: { procedureCode: copyCode, steps: template } });
    expect(published.version).toBe(1);
    await activateProcedure({
      ctx: adminA,
      ifMatch: '*',
      tenantId: a.tenantId,
      input: { procedureCode: copyCode, receivingUnitIds: [a.communeUnitId], handlingUnitIds: [a.departmentUnitId] },
    });
    const missing = await rejection(() =>
      copyDefaultProcess({
        ctx: adminA,
        tenantId: a.tenantId,
        ifMatch: '*',
        input: { procedureCode: copyCode, unitMapping: { commune_one_stop: a.communeUnitId } },
      }),
    );
    expect(missing.userMessage.vi).toBe('Chưa chọn đơn vị cho: department.');
    const draft = await copyDefaultProcess({
      ctx: adminA,
      ifMatch: '*',
      tenantId: a.tenantId,
      input: { procedureCode: copyCode, unitMapping: { commune_one_stop: a.communeUnitId, department: a.departmentUnitId } },
    });
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.steps.map((s) => s.orgUnitId)).toEqual([a.communeUnitId, a.communeUnitId, a.departmentUnitId, a.communeUnitId]);
  });
});

describe('permissions', () => {
  it('a province admin of A cannot touch B; a citizen cannot activate; only the ministry publishes defaults', async () => {
    const citizen = await contextFor(deps, citizenRules, 'citizen');
    const attempts = [
      () =>
        activateProcedure({
          ctx: adminA,
          ifMatch: '*',
          tenantId: b.tenantId,
          input: { procedureCode: code, receivingUnitIds: [b.communeUnitId], handlingUnitIds: [b.communeUnitId] },
        }),
      () => saveProcessDraft({ ctx: adminA, tenantId: b.tenantId, ifMatch: '*', input: { procedureCode: code, steps: twoLevelSteps(b) } }),
      () => listProcesses({ ctx: adminA, tenantId: b.tenantId, input: {} }),
      () => computeDueDate({ ctx: adminA, tenantId: b.tenantId, input: { receivedAt: '2026-02-13T18:30:00+07:00', amount: 1, unit: 'working_days' } }),
      () =>
        activateProcedure({
          ctx: citizen,
          ifMatch: '*',
          tenantId: a.tenantId,
          input: { procedureCode: code, receivingUnitIds: [a.communeUnitId], handlingUnitIds: [a.communeUnitId] },
        }),
      () => publishDefaultProcess({ ctx: adminA, input: { procedureCode: code, steps: [] } }),
      () => publishProcedure({ ctx: adminA, input: sampleProcedure(uniqueCode()) }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('forbidden');
  });
});

describe('the beneficiary account of a procedure setting', () => {
  const activate = (beneficiaryAccount: string) =>
    activateProcedure({
      ctx: adminA,
      ifMatch: '*',
      tenantId: a.tenantId,
      input: { procedureCode: code, receivingUnitIds: [a.communeUnitId], handlingUnitIds: [a.departmentUnitId], beneficiaryAccount },
    });

  it('takes BIN:account with a label, for VietQR', async () => {
    expect((await activate('970436:0011000123456 KBNN tỉnh')).beneficiaryAccount).toBe('970436:0011000123456 KBNN tỉnh');
  });

  it('refuses text shaped like BIN:account that is not one, naming the expected form in Vietnamese', async () => {
    for (const bad of ['97043:0011000123456', '970436:0011-000', '970436:']) {
      const error = await rejection(() => activate(bad));
      expect(error.code).toBe('invalid');
      expect(JSON.stringify(error.details)).toContain('beneficiaryAccount');
      expect(JSON.stringify(error.details)).toContain('mã BIN 6 số:số tài khoản');
    }
  });
});
