import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DefaultProcessSteps } from './catalog/default-process.js';
import type { ProcessStep } from './process.js';
import { validateProcessDesign, type ProcessDesignContext } from './process-validation.js';

const [root, commune, department, other] = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
  '00000000-0000-4000-8000-000000000004',
];

const [ownTenant, tenantB] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1'];
const [bDepartment, bOffice] = ['00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000b3'];

const design: ProcessDesignContext = {
  tenantId: ownTenant,
  units: [
    { id: root, path: [root] },
    { id: commune, path: [root, commune] },
    { id: department, path: [root, department] },
    { id: other, path: [root, other] },
  ],
  roleAssignments: [
    { role: 'reception_officer', orgUnitId: commune },
    { role: 'specialist', orgUnitId: root },
    { role: 'leader', orgUnitId: department },
  ],
  activeUnitIds: [commune, department],
  statutoryTime: { amount: 5, unit: 'working_days' },
  otherProvinces: [{ tenantId: tenantB, name: 'Tỉnh B', unitIds: [bDepartment, bOffice] }],
};

const step = (key: string, extra: Partial<ProcessStep> = {}): ProcessStep => ({
  key,
  kind: 'process',
  name: key,
  role: 'specialist',
  orgUnitId: commune,
  allottedWorkingHours: 8,
  nationalStatus: 4,
  localStatus: 'processing',
  allowReturnToPrevious: false,
  ...extra,
});

describe('validateProcessDesign', () => {
  it('accepts a process spanning a commune and a department within the statutory time', () => {
    const steps = [
      step('receive', { kind: 'receive', role: 'reception_officer', allottedWorkingHours: 4 }),
      step('up', { kind: 'hand_over', handOver: { direction: 'up', targetUnitId: department } }),
      step('approve', { kind: 'approve', role: 'leader', orgUnitId: department, allowReturnToPrevious: true, allottedWorkingHours: 28 }),
    ];
    expect(validateProcessDesign(steps, design)).toEqual([]);
  });

  it('names unknown units, roles nobody holds there, and hand-overs to units without the procedure', () => {
    const problems = validateProcessDesign(
      [
        step('a', { orgUnitId: '00000000-0000-4000-8000-0000000000ff' }),
        step('b', { role: 'leader', orgUnitId: commune }),
        step('c', { kind: 'hand_over', handOver: { direction: 'up', targetUnitId: other } }),
        step('c'),
      ],
      design,
    );
    expect(problems.map((p) => [p.stepKey, p.field])).toEqual([
      ['a', 'orgUnitId'],
      ['b', 'role'],
      ['c', 'handOver.targetUnitId'],
      ['c', 'key'],
    ]);
    expect(problems[1]?.message.vi).toContain('chưa có cán bộ nào giữ vai trò "leader"');
  });

  it('says by how much the total exceeds the statutory time', () => {
    const problems = validateProcessDesign([step('a', { allottedWorkingHours: 30 }), step('b', { allottedWorkingHours: 22 })], design);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message.vi).toBe(
      'Tổng thời gian các bước là 52 giờ làm việc (6,5 ngày làm việc), vượt thời hạn giải quyết theo quy định (40 giờ làm việc (5 ngày làm việc)) 12 giờ làm việc (1,5 ngày làm việc).',
    );
    expect(problems[0]?.message.en).toContain('by 12 working hours (1.5 working days)');
  });

  it('refuses a step status that only an action sets, and a return step that is not at 9', () => {
    // Status 10 on the return step closed the dossier on arrival: the result could never be returned.
    const problems = validateProcessDesign(
      [step('a'), step('b', { nationalStatus: 5 }), step('tra', { kind: 'return_result', role: 'result_clerk', nationalStatus: 10 })],
      { ...design, roleAssignments: [...design.roleAssignments, { role: 'result_clerk', orgUnitId: commune }] },
    );
    expect(problems.map((p) => [p.stepKey, p.field])).toEqual([
      ['b', 'nationalStatus'],
      ['tra', 'nationalStatus'],
    ]);
    expect(problems[1]?.message.vi).toContain('bước trả kết quả phải ở trạng thái 9');
    expect(
      v.safeParse(DefaultProcessSteps, [
        {
          key: 'tra',
          kind: 'return_result',
          name: 'Trả',
          role: 'result_clerk',
          unitKind: 'commune_one_stop',
          allottedWorkingHours: 4,
          nationalStatus: 10,
          localStatus: 'x',
          allowReturnToPrevious: false,
        },
      ]).success,
    ).toBe(false);
  });

  it('converts a calendar-day limit at five working days a week', () => {
    const problems = validateProcessDesign([step('a', { allottedWorkingHours: 41 })], { ...design, statutoryTime: { amount: 7, unit: 'calendar_days' } });
    expect(problems[0]?.message.en).toContain('by 1 working hours');
  });
});

describe('validateProcessDesign: hand-over to another province (liên thông giữa hai tỉnh)', () => {
  /** Commune → province B's department (approves, hands back) → commune returns the result. */
  const interProvince = (over: { target?: Partial<NonNullable<ProcessStep['handOver']>>; segment?: ProcessStep[] } = {}): ProcessStep[] => [
    step('receive', { kind: 'receive', role: 'reception_officer', allottedWorkingHours: 4 }),
    step('to-b', {
      kind: 'hand_over',
      allottedWorkingHours: 4,
      handOver: { direction: 'up', targetUnitId: bDepartment, targetTenantId: tenantB, ...over.target },
    }),
    ...(over.segment ?? [
      step('b-approve', { kind: 'approve', role: 'leader', orgUnitId: bDepartment, allottedWorkingHours: 16 }),
      step('b-back', {
        kind: 'hand_over',
        orgUnitId: bOffice,
        allottedWorkingHours: 4,
        handOver: { direction: 'down', targetUnitId: commune, targetTenantId: ownTenant },
      }),
    ]),
    step('return', { kind: 'return_result', role: 'reception_officer', nationalStatus: 9, allottedWorkingHours: 4 }),
  ];
  const fields = (steps: ProcessStep[], context = design) => validateProcessDesign(steps, context).map((p) => [p.stepKey, p.field]);

  it("accepts a segment at the other province's active units that hands the dossier back", () => {
    // Nobody in our province is a leader at B's department: B staffs its own steps.
    expect(validateProcessDesign(interProvince(), design)).toEqual([]);
  });

  it('refuses a target or segment step that is not an active unit of the other province, naming it', () => {
    const problems = validateProcessDesign(
      interProvince({
        target: { targetUnitId: department },
        segment: [
          step('b-approve', { kind: 'approve', role: 'leader', orgUnitId: department }),
          step('b-back', { kind: 'hand_over', orgUnitId: bOffice, handOver: { direction: 'down', targetUnitId: commune } }),
        ],
      }),
      design,
    );
    expect(problems.map((p) => [p.stepKey, p.field])).toEqual([
      ['to-b', 'handOver.targetUnitId'],
      ['b-approve', 'orgUnitId'],
    ]);
    expect(problems[1]?.message.vi).toBe('Bước "b-approve": bước do tỉnh nhận xử lý phải ở một đơn vị đang hoạt động của Tỉnh B.');
    // A unit the other province deactivated is not in its list either.
    expect(fields(interProvince(), { ...design, otherProvinces: [{ tenantId: tenantB, name: 'Tỉnh B', unitIds: [bDepartment] }] })).toEqual([
      ['b-back', 'orgUnitId'],
    ]);
  });

  it('refuses a segment whose last step does not hand the dossier back to the sending province', () => {
    const noHandBack = [step('b-approve', { kind: 'approve', role: 'leader', orgUnitId: bDepartment })];
    expect(fields(interProvince({ segment: noHandBack }))).toEqual([['b-approve', 'handOver']]);
    const onwardInB = [
      step('b-approve', { kind: 'approve', role: 'leader', orgUnitId: bDepartment }),
      step('b-on', { kind: 'hand_over', orgUnitId: bDepartment, handOver: { direction: 'down', targetUnitId: bOffice, targetTenantId: tenantB } }),
    ];
    expect(fields(interProvince({ segment: onwardInB }))).toEqual([['b-on', 'handOver']]);
    // Back up is as good as back down: a department may hand down to another province's commune.
    const upward = [step('b-back', { kind: 'hand_over', orgUnitId: bDepartment, handOver: { direction: 'up', targetUnitId: commune } })];
    expect(fields(interProvince({ segment: upward }))).toEqual([]);
    expect(fields(interProvince({ segment: [] }))).toEqual([['to-b', 'handOver']]);
  });

  it('refuses a province that does not exist, at the step that names it', () => {
    const problems = validateProcessDesign(interProvince(), { ...design, otherProvinces: [] });
    expect(problems.map((p) => [p.stepKey, p.field])).toEqual([['to-b', 'handOver.targetTenantId']]);
    expect(problems[0]?.message).toEqual({ vi: 'Bước "to-b": tỉnh nhận liên thông không tồn tại.', en: 'Step "to-b": the receiving province does not exist.' });
  });

  it('still checks a hand-back target against the units where the procedure is active', () => {
    const segment = [
      step('b-back', { kind: 'hand_over', orgUnitId: bDepartment, handOver: { direction: 'down', targetUnitId: other, targetTenantId: ownTenant } }),
    ];
    expect(fields(interProvince({ segment }))).toEqual([['b-back', 'handOver.targetUnitId']]);
  });
});

describe('validateProcessDesign: a chain onward to a third province (liên thông nhiều chặng)', () => {
  const [tenantC, cDepartment] = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'];
  const chainDesign: ProcessDesignContext = {
    ...design,
    otherProvinces: [...design.otherProvinces, { tenantId: tenantC, name: 'Tỉnh C', unitIds: [cDepartment] }],
  };
  /** Commune → B's department → C's department → back to B → back to the commune. */
  const chain = (over: { bOnward?: Partial<ProcessStep>; cBack?: Partial<NonNullable<ProcessStep['handOver']>> } = {}): ProcessStep[] => [
    step('receive', { kind: 'receive', role: 'reception_officer', allottedWorkingHours: 4 }),
    step('to-b', { kind: 'hand_over', allottedWorkingHours: 2, handOver: { direction: 'up', targetUnitId: bDepartment, targetTenantId: tenantB } }),
    step('b-process', { orgUnitId: bDepartment, allottedWorkingHours: 4 }),
    step('b-to-c', {
      kind: 'hand_over',
      orgUnitId: bDepartment,
      allottedWorkingHours: 2,
      handOver: { direction: 'up', targetUnitId: cDepartment, targetTenantId: tenantC },
      ...over.bOnward,
    }),
    step('c-approve', { kind: 'approve', role: 'leader', orgUnitId: cDepartment, allottedWorkingHours: 8 }),
    step('c-back', {
      kind: 'hand_over',
      orgUnitId: cDepartment,
      allottedWorkingHours: 2,
      handOver: { direction: 'down', targetUnitId: bDepartment, targetTenantId: tenantB, ...over.cBack },
    }),
    step('b-back', {
      kind: 'hand_over',
      orgUnitId: bDepartment,
      allottedWorkingHours: 2,
      handOver: { direction: 'down', targetUnitId: commune, targetTenantId: ownTenant },
    }),
    step('return', { kind: 'return_result', role: 'reception_officer', nationalStatus: 9, allottedWorkingHours: 4 }),
  ];
  const fields = (steps: ProcessStep[]) => validateProcessDesign(steps, chainDesign).map((p) => [p.stepKey, p.field]);

  it('accepts a link onward whose segment ends by handing back to the second province', () => {
    expect(validateProcessDesign(chain(), chainDesign)).toEqual([]);
  });

  it('refuses a third province that hands back past the second one, straight to the first', () => {
    expect(fields(chain({ cBack: { targetTenantId: ownTenant, targetUnitId: commune } }))).toEqual([['c-back', 'handOver']]);
  });

  it('refuses a link back into a province already in the chain, in Vietnamese', () => {
    const problems = validateProcessDesign(
      chain({ bOnward: { handOver: { direction: 'down', targetUnitId: commune, targetTenantId: ownTenant } } }),
      chainDesign,
    ).filter((p) => p.stepKey === 'b-to-c');
    expect(problems.map((p) => p.field)).toEqual(['handOver.targetTenantId']);
    expect(problems[0]!.message.vi).toBe(
      'Bước "b-to-c": hồ sơ đã qua tỉnh này trong chuỗi liên thông; không được chuyển vòng trở lại (chỉ chuyển trả ở bước cuối).',
    );
  });
});
