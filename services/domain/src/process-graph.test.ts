import { describe, expect, it } from 'vitest';
import type { FormField } from './catalog/procedure-record.js';
import { nextStep } from './process-graph.js';
import type { ProcessStep } from './process.js';
import { validateProcessDesign, type ProcessDesignContext } from './process-validation.js';

const [root, commune, department] = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

const formFields: FormField[] = [
  { key: 'dien_tich', label: 'Diện tích (m²)', type: 'number' },
  { key: 'loai_dat', label: 'Loại đất', type: 'choice', options: ['o', 'nong_nghiep'] },
  { key: 'co_tranh_chap', label: 'Có tranh chấp', type: 'boolean' },
];

const design: ProcessDesignContext = {
  tenantId: '00000000-0000-4000-8000-0000000000a1',
  units: [
    { id: root, path: [root] },
    { id: commune, path: [root, commune] },
    { id: department, path: [root, department] },
  ],
  roleAssignments: [
    { role: 'reception_officer', orgUnitId: commune },
    { role: 'specialist', orgUnitId: root },
    { role: 'leader', orgUnitId: root },
    { role: 'result_clerk', orgUnitId: commune },
  ],
  activeUnitIds: [commune, department],
  statutoryTime: { amount: 5, unit: 'working_days' },
  otherProvinces: [],
  formFields,
};

const step = (key: string, extra: Partial<ProcessStep> = {}): ProcessStep => ({
  key,
  kind: 'process',
  name: key,
  role: 'specialist',
  orgUnitId: commune,
  allottedWorkingHours: 4,
  nationalStatus: 4,
  localStatus: 'processing',
  allowReturnToPrevious: false,
  ...extra,
});

/**
 * Receive → check (area over 500 m² goes to the department's review, else the commune's) →
 * leader decides (approve → sign, refuse → refusal letter) → both rejoin at the return.
 */
const branching = (over: Partial<Record<string, Partial<ProcessStep>>> = {}): ProcessStep[] =>
  [
    step('receive', {
      kind: 'receive',
      role: 'reception_officer',
      next: { by: 'condition', rules: [{ when: { field: 'dien_tich', op: 'gt', value: 500 }, to: 'dept' }], otherwise: 'local' },
    }),
    step('dept', { orgUnitId: department, allottedWorkingHours: 16, next: { by: 'goto', to: 'decide' } }),
    step('local', { allottedWorkingHours: 8 }),
    step('decide', {
      kind: 'approve',
      role: 'leader',
      next: {
        by: 'choice',
        outcomes: [
          { key: 'dong_y', label: 'Đồng ý', to: 'sign' },
          { key: 'tu_choi', label: 'Từ chối', to: 'refusal' },
        ],
      },
    }),
    step('sign', { next: { by: 'goto', to: 'return' } }),
    step('refusal', { allottedWorkingHours: 2 }),
    step('return', { kind: 'return_result', role: 'result_clerk', nationalStatus: 9 }),
  ].map((s) => ({ ...s, ...over[s.key] }));

const problems = (steps: ProcessStep[], context = design) => validateProcessDesign(steps, context).map((p) => [p.stepKey, p.field, p.message.vi]);

describe('validateProcessDesign: branches', () => {
  it('accepts a condition branch and an officer choice that rejoin before the return', () => {
    expect(validateProcessDesign(branching(), design)).toEqual([]);
  });

  it('refuses a condition on a field the form does not have, naming the step', () => {
    const steps = branching({
      receive: { next: { by: 'condition', rules: [{ when: { field: 'so_tang', op: 'gt', value: 3 }, to: 'dept' }], otherwise: 'local' } },
    });
    expect(problems(steps)).toEqual([['receive', 'next', 'Bước "receive": điều kiện dùng trường "so_tang" mà tờ khai của thủ tục không có.']]);
  });

  it('refuses a condition whose comparison or value does not fit the field', () => {
    const steps = branching({
      receive: {
        next: {
          by: 'condition',
          rules: [
            { when: { field: 'loai_dat', op: 'gt', value: 'o' }, to: 'dept' },
            { when: { field: 'loai_dat', op: 'eq', value: 'rung' }, to: 'dept' },
            { when: { field: 'co_tranh_chap', op: 'eq', value: 'co' }, to: 'dept' },
          ],
          otherwise: 'local',
        },
      },
    });
    expect(problems(steps).map((p) => p[2])).toEqual([
      'Bước "receive": trường "loai_dat" không phải số, chỉ so sánh bằng hoặc khác.',
      'Bước "receive": "rung" không phải một lựa chọn của trường "loai_dat".',
      'Bước "receive": giá trị so sánh của trường "co_tranh_chap" sai kiểu (cần boolean).',
    ]);
  });

  it('refuses a loop that never ends, naming a step on it', () => {
    const steps = branching({ sign: { next: { by: 'goto', to: 'decide' } } });
    expect(problems(steps)).toEqual([['decide', 'next', 'Bước "decide": quy trình có vòng lặp không bao giờ kết thúc ("decide" → "sign" → "decide").']]);
    // A step leading to itself is a loop too.
    expect(problems(branching({ local: { next: { by: 'goto', to: 'local' } } }))[0]?.[2]).toContain('vòng lặp');
  });

  it('refuses an unreachable step, naming it', () => {
    // `local` falls through to `decide`; nothing leads to `dept` any more.
    const steps = branching({ receive: { next: { by: 'goto', to: 'local' } } });
    expect(problems(steps)).toEqual([['dept', 'key', 'Bước "dept": không có đường nào dẫn tới bước này.']]);
  });

  it('refuses a branch to a step that does not exist, and a path that ends without returning the result', () => {
    expect(problems(branching({ sign: { next: { by: 'goto', to: 'khong-co' } } }))).toEqual([
      ['sign', 'next', 'Bước "sign": bước tiếp theo "khong-co" không có trong quy trình.'],
      ['sign', 'next', 'Bước "sign": nhánh kết thúc ở bước này mà không qua bước trả kết quả.'],
    ]);
  });

  it('refuses a choice on a step the officer does not complete by a decision, and a branching result return', () => {
    const choice = {
      by: 'choice' as const,
      outcomes: [
        { key: 'a', label: 'A', to: 'dept' },
        { key: 'b', label: 'B', to: 'local' },
      ],
    };
    expect(problems(branching({ receive: { next: choice } })).map((p) => p.slice(0, 2))).toEqual([['receive', 'next']]);
    expect(problems(branching({ return: { next: { by: 'goto', to: 'sign' } } })).map((p) => p.slice(0, 2))).toEqual([['return', 'next']]);
  });

  it('measures the budget on the longest path and names its last step', () => {
    // dept (16) is the long branch: 4 + 16 + 4 + 4 + 4 = 32 hours fit 40; 30 more on dept do not.
    expect(validateProcessDesign(branching(), design)).toEqual([]);
    const steps = branching({ dept: { allottedWorkingHours: 30 } });
    expect(problems(steps)).toEqual([
      [
        'return',
        'allottedWorkingHours',
        'Bước "return": nhánh dài nhất ("receive" → "dept" → "decide" → "sign" → "return") cần 46 giờ làm việc (5,75 ngày làm việc), vượt thời hạn giải quyết theo quy định (40 giờ làm việc (5 ngày làm việc)) 6 giờ làm việc (0,75 ngày làm việc).',
      ],
    ]);
  });

  it('keeps a straight line of steps as it was: each step leads to the next', () => {
    const line = [
      step('a', { kind: 'receive', role: 'reception_officer' }),
      step('b'),
      step('c', { kind: 'return_result', role: 'result_clerk', nationalStatus: 9 }),
    ];
    expect(validateProcessDesign(line, design)).toEqual([]);
    expect(nextStep(line, 0, {})).toEqual({ to: 1, branch: null });
    expect(nextStep(line, 2, {})).toEqual({ to: null, branch: null });
  });
});

describe('nextStep', () => {
  const steps = branching();
  it('follows the first matching rule, else otherwise; a missing value matches nothing', () => {
    expect(nextStep(steps, 0, { formData: { dien_tich: 900 } })).toEqual({ to: 1, branch: { by: 'condition', rule: 0, field: 'dien_tich' } });
    expect(nextStep(steps, 0, { formData: { dien_tich: 120 } })).toEqual({ to: 2, branch: { by: 'condition', rule: 'otherwise', field: null } });
    expect(nextStep(steps, 0, {}).to).toBe(2);
  });
  it("follows the officer's outcome, and a goto", () => {
    expect(nextStep(steps, 3, { outcome: 'tu_choi' })).toEqual({ to: 5, branch: { by: 'choice', outcome: 'tu_choi', label: 'Từ chối' } });
    expect(nextStep(steps, 4, {}).to).toBe(6);
  });
});
