import { describe, expect, it } from 'vitest';
import { agreementFor, agreementProblems, type AgreementTerms } from './hand-over-agreement.js';
import { chainLinkProblem, MAX_HAND_OVER_LINKS } from './process-hand-over.js';
import { competentUnitFor, routeSnapshot } from './jurisdiction-free.js';
import type { ProcessSnapshot, ProcessStep } from './process.js';

const [A, B] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const [commune, dept, ward2, desk] = ['c', 'd', 'w', 'r'].map((x) => `00000000-0000-4000-8000-0000000000${x}${x}`) as [string, string, string, string];
const step = (key: string, orgUnitId: string, extra: Partial<ProcessStep> = {}): ProcessStep => ({
  key,
  kind: 'process',
  name: key,
  role: 'specialist',
  orgUnitId,
  allottedWorkingHours: 4,
  nationalStatus: 4,
  localStatus: key,
  allowReturnToPrevious: false,
  ...extra,
});
const steps: ProcessStep[] = [
  step('receive', commune, { kind: 'receive' }),
  step('to-b', commune, { kind: 'hand_over', name: 'Chuyển tỉnh B', handOver: { direction: 'up', targetTenantId: B, targetUnitId: dept } }),
  step('b-approve', dept, { kind: 'approve', role: 'leader' }),
  step('back', dept, { kind: 'hand_over', handOver: { direction: 'down', targetTenantId: A, targetUnitId: commune } }),
  step('return', commune, { kind: 'return_result', nationalStatus: 9 }),
];
const accepted: AgreementTerms = {
  id: 'g',
  sourceTenantId: A,
  targetTenantId: B,
  procedureCode: '1.000001',
  sourceUnitIds: [commune],
  targetUnitIds: [dept],
  allottedWorkingHours: 8,
  status: 'accepted',
};
const check = (agreements: AgreementTerms[]) =>
  agreementProblems(steps, { tenantId: A, procedureCode: '1.000001', agreements, provinceNames: new Map([[B, 'Tỉnh B']]) });

describe('hand-over agreements', () => {
  it('allow a hand-over only under an accepted agreement for the procedure and both units', () => {
    const link = { sourceTenantId: A, targetTenantId: B, procedureCode: '1.000001', sourceUnitId: commune, targetUnitId: dept };
    expect(agreementFor([accepted], link)?.id).toBe('g');
    for (const status of ['proposed', 'refused', 'withdrawn'] as const) expect(agreementFor([{ ...accepted, status }], link)).toBeUndefined();
    expect(agreementFor([accepted], { ...link, procedureCode: '1.000002' })).toBeUndefined();
    expect(agreementFor([accepted], { ...link, targetUnitId: ward2 })).toBeUndefined();
    // The reverse direction, or a link from the second province to a third, is another agreement.
    expect(agreementFor([accepted], { ...link, sourceTenantId: B, targetTenantId: A })).toBeUndefined();
  });

  it('name the hand-over step when publishing without one, or over its time budget', () => {
    expect(check([accepted])).toEqual([]);
    const [missing] = check([{ ...accepted, status: 'withdrawn' }]);
    expect(missing).toMatchObject({ stepKey: 'to-b', field: 'handOver' });
    expect(missing!.message.vi).toBe(
      'Bước "Chuyển tỉnh B": chưa có quy chế phối hợp được Tỉnh B chấp nhận cho thủ tục 1.000001 giữa đơn vị gửi và đơn vị nhận; không thể liên thông sang tỉnh khác.',
    );
    const [over] = check([{ ...accepted, allottedWorkingHours: 7 }]);
    expect(over!.message.vi).toContain('cần 8 giờ làm việc, vượt thời gian quy chế phối hợp cho phép (7 giờ)');
  });
});

describe('jurisdiction-free routing', () => {
  const rules = [
    { procedureCode: null, communeCode: null, competentUnitId: 'province-default' },
    { procedureCode: '1.000001', communeCode: null, competentUnitId: 'procedure-default' },
    { procedureCode: null, communeCode: '00091', competentUnitId: 'commune-any-procedure' },
    { procedureCode: '1.000001', communeCode: '00091', competentUnitId: 'commune-this-procedure' },
  ];
  it('picks the most specific rule', () => {
    expect(competentUnitFor(rules, { procedureCode: '1.000001', communeCode: '00091' })).toBe('commune-this-procedure');
    expect(competentUnitFor(rules, { procedureCode: '1.000002', communeCode: '00091' })).toBe('commune-any-procedure');
    expect(competentUnitFor(rules, { procedureCode: '1.000001', communeCode: '00092' })).toBe('procedure-default');
    expect(competentUnitFor(rules, { procedureCode: '1.000002', communeCode: null })).toBe('province-default');
    expect(competentUnitFor([], { procedureCode: '1.000002', communeCode: '00091' })).toBeUndefined();
  });

  it('receives at the receiving unit and moves the process unit’s other steps to the competent unit', () => {
    const snapshot: ProcessSnapshot = {
      processDefinitionId: '00000000-0000-4000-8000-000000000001',
      tenantId: A,
      procedureCode: '1.000001',
      caseCode: 'default',
      version: 1,
      statutoryTime: { amount: 5, unit: 'working_days' },
      steps: [
        step('receive', commune, { kind: 'receive' }),
        step('process', commune),
        step('to-dept', commune, { kind: 'hand_over', handOver: { direction: 'up', targetUnitId: dept } }),
        step('dept', dept),
        step('back', dept, { kind: 'hand_over', handOver: { direction: 'down', targetUnitId: commune } }),
        step('return', commune),
      ],
    };
    const routed = routeSnapshot(snapshot, { receivingUnitId: desk, competentUnitId: ward2 });
    expect(routed.steps.map((s) => s.orgUnitId)).toEqual([desk, ward2, ward2, dept, dept, ward2]);
    expect(routed.steps[4]!.handOver?.targetUnitId).toBe(ward2);
    expect(routed.steps[2]!.handOver?.targetUnitId).toBe(dept);
  });
});

describe('hand-over agreements along a chain (liên thông nhiều chặng)', () => {
  it('check each link of a chain against the agreement between its own two provinces', () => {
    const C = '00000000-0000-4000-8000-00000000000c';
    const cDept = '00000000-0000-4000-8000-0000000000ee';
    const chain: ProcessStep[] = [
      step('receive', commune, { kind: 'receive' }),
      step('to-b', commune, { kind: 'hand_over', name: 'Chuyển tỉnh B', handOver: { direction: 'up', targetTenantId: B, targetUnitId: dept } }),
      step('to-c', dept, { kind: 'hand_over', name: 'Chuyển tỉnh C', handOver: { direction: 'up', targetTenantId: C, targetUnitId: cDept } }),
      step('c-approve', cDept, { kind: 'approve', role: 'leader' }),
      step('c-back', cDept, { kind: 'hand_over', handOver: { direction: 'down', targetTenantId: B, targetUnitId: dept } }),
      step('back', dept, { kind: 'hand_over', handOver: { direction: 'down', targetTenantId: A, targetUnitId: commune } }),
      step('return', commune, { kind: 'return_result', nationalStatus: 9 }),
    ];
    const bToC: AgreementTerms = { ...accepted, id: 'bc', sourceTenantId: B, targetTenantId: C, sourceUnitIds: [dept], targetUnitIds: [cDept] };
    const names = new Map([
      [B, 'Tỉnh B'],
      [C, 'Tỉnh C'],
    ]);
    const run = (agreements: AgreementTerms[]) => agreementProblems(chain, { tenantId: A, procedureCode: '1.000001', agreements, provinceNames: names });
    // A→B answers for everything until the dossier is back: its 16 hours include C's 8.
    expect(run([{ ...accepted, allottedWorkingHours: 16 }, bToC])).toEqual([]);
    expect(run([{ ...accepted, allottedWorkingHours: 15 }, bToC]).map((p) => p.stepKey)).toEqual(['to-b']);
    // Without B's agreement with C, the onward step is named, and which province sends.
    const [missing] = run([{ ...accepted, allottedWorkingHours: 16 }]);
    expect(missing).toMatchObject({ stepKey: 'to-c', field: 'handOver' });
    expect(missing!.message.vi).toBe(
      'Bước "Chuyển tỉnh C": chưa có quy chế phối hợp được Tỉnh C chấp nhận cho thủ tục 1.000001 giữa đơn vị gửi của Tỉnh B và đơn vị nhận; không thể liên thông sang tỉnh khác.',
    );
    // An agreement A→C does not cover the link B→C.
    expect(
      run([
        { ...accepted, allottedWorkingHours: 16 },
        { ...bToC, sourceTenantId: A },
      ]).map((p) => p.stepKey),
    ).toEqual(['to-c']);
  });

  it('bound a chain: no loop back, no more links than allowed', () => {
    const provinces = ['p1', 'p2', 'p3', 'p4', 'p5'];
    expect(chainLinkProblem(['p1', 'p2'], 'p1')?.vi).toContain('không được chuyển vòng trở lại');
    expect(chainLinkProblem(provinces.slice(0, MAX_HAND_OVER_LINKS), 'p5')).toBeNull();
    expect(chainLinkProblem(provinces.slice(0, MAX_HAND_OVER_LINKS + 1), 'p5')?.vi).toBe(
      `chuỗi liên thông giữa các tỉnh vượt quá ${MAX_HAND_OVER_LINKS} chặng cho phép.`,
    );
  });
});
