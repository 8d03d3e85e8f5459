import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { AgreementTerms } from './hand-over-agreement.js';
import { ProcessStep, type StepConsultation } from './process.js';
import { validateProcessDesign, type ProcessDesignContext } from './process-validation.js';

const [root, commune, department, police] = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
  '00000000-0000-4000-8000-000000000004',
];
const [ownTenant, tenantB] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1'];
const [bDepartment, bOffice] = ['00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000b3'];

const agreement: AgreementTerms = {
  id: '00000000-0000-4000-8000-0000000000c1',
  sourceTenantId: ownTenant,
  targetTenantId: tenantB,
  procedureCode: '1.000001',
  sourceUnitIds: [department],
  targetUnitIds: [bDepartment],
  allottedWorkingHours: 16,
  status: 'accepted',
};

const design: ProcessDesignContext = {
  tenantId: ownTenant,
  procedureCode: '1.000001',
  units: [root, commune, department, police].map((id) => ({ id, path: id === root ? [root] : [root, id] })),
  roleAssignments: [
    { role: 'reception_officer', orgUnitId: commune },
    { role: 'specialist', orgUnitId: root },
  ],
  activeUnitIds: [commune, department],
  statutoryTime: { amount: 5, unit: 'working_days' },
  otherProvinces: [{ tenantId: tenantB, name: 'Tỉnh B', unitIds: [bDepartment, bOffice] }],
  agreements: [agreement],
};

const consulting = (consultation: StepConsultation, extra: Partial<ProcessStep> = {}): ProcessStep[] => [
  {
    key: 'receive',
    kind: 'receive',
    name: 'Tiếp nhận',
    role: 'reception_officer',
    orgUnitId: commune,
    allottedWorkingHours: 4,
    nationalStatus: 2,
    localStatus: 'received',
    allowReturnToPrevious: false,
  },
  {
    key: 'ask',
    kind: 'process',
    name: 'Lấy ý kiến',
    role: 'specialist',
    orgUnitId: department,
    allottedWorkingHours: 16,
    nationalStatus: 4,
    localStatus: 'consulting',
    allowReturnToPrevious: false,
    consultation,
    ...extra,
  },
];

const messages = (steps: ProcessStep[], ctx = design) => validateProcessDesign(steps, ctx).map((p) => p.message.vi);

describe('consultation steps (lấy ý kiến)', () => {
  it('accepts units of the province and an agreed unit of another province, each within the step', () => {
    const steps = consulting({
      wait: 'deadline',
      units: [
        { orgUnitId: police, workingHours: 8 },
        { tenantId: tenantB, orgUnitId: bDepartment, workingHours: 16 },
      ],
    });
    expect(v.safeParse(v.array(ProcessStep), steps).success).toBe(true);
    expect(messages(steps)).toEqual([]);
  });

  it('refuses a deadline over the step, an unknown unit, the step asking itself, with the step named', () => {
    const steps = consulting({
      wait: 'all',
      units: [
        { orgUnitId: police, workingHours: 24 },
        { orgUnitId: '00000000-0000-4000-8000-0000000000ff', workingHours: 8 },
        { orgUnitId: department, workingHours: 8 },
      ],
    });
    expect(messages(steps)).toEqual([
      'Bước "Lấy ý kiến": hạn trả lời 24 giờ làm việc vượt thời gian của bước (16 giờ làm việc).',
      'Bước "Lấy ý kiến": đơn vị được hỏi ý kiến không tồn tại hoặc đã ngừng hoạt động trong tỉnh.',
      'Bước "Lấy ý kiến": đơn vị không tự hỏi ý kiến chính mình.',
    ]);
  });

  it("refuses another province's unit without an accepted agreement covering it", () => {
    const steps = consulting({ wait: 'all', units: [{ tenantId: tenantB, orgUnitId: bOffice, workingHours: 8 }] });
    expect(messages(steps)).toEqual(['Bước "Lấy ý kiến": chưa có quy chế phối hợp được Tỉnh B chấp nhận cho đơn vị này và thủ tục này.']);
    const withdrawn = { ...design, agreements: [{ ...agreement, targetUnitIds: [bOffice], status: 'withdrawn' as const }] };
    expect(messages(steps, withdrawn)).toHaveLength(1);
    const unknown = consulting({ wait: 'all', units: [{ tenantId: '00000000-0000-4000-8000-0000000000e1', orgUnitId: bOffice, workingHours: 8 }] });
    expect(messages(unknown)).toEqual(['Bước "Lấy ý kiến": tỉnh của đơn vị được hỏi ý kiến không tồn tại.']);
  });

  it('refuses a consultation on a step that cannot ask, or that waits for an officer to choose', () => {
    const steps = consulting({ wait: 'all', units: [{ orgUnitId: police, workingHours: 8 }] }, { kind: 'return_result', nationalStatus: 9, next: undefined });
    expect(messages(steps)).toContain('Bước "Lấy ý kiến": chỉ bước phân công, xử lý, xem xét hoặc phê duyệt mới lấy ý kiến.');
    const zero = consulting({ wait: 'all', units: [{ orgUnitId: police, workingHours: 8 }] }, { allottedWorkingHours: 0 });
    expect(messages(zero)).toContain('Bước "Lấy ý kiến": bước lấy ý kiến cần thời gian xử lý lớn hơn 0.');
  });

  it('reads a step without a consultation exactly as before', () => {
    const [receive] = consulting({ wait: 'all', units: [{ orgUnitId: police, workingHours: 8 }] });
    expect(v.parse(ProcessStep, receive)).not.toHaveProperty('consultation');
  });
});
