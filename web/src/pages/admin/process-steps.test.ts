import type { ProcessStep } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { blankStep, moveItem, otherProvinceIds, patchHandOver, problemsFrom, segmentOwners, statutoryLimitHours, totalHours } from './process-steps.js';

const UNIT = '00000000-0000-4000-8000-000000000001';
const step = (key: string, hours: number): ProcessStep => ({
  key,
  kind: 'process',
  name: key,
  role: 'specialist',
  orgUnitId: UNIT,
  allottedWorkingHours: hours,
  nationalStatus: 4,
  localStatus: key,
  allowReturnToPrevious: false,
});

describe('process designer arithmetic', () => {
  it('takes the strictest channel as the limit, calendar days counted as the API counts them', () => {
    // 5 working days = 40 h; 10 calendar days = 7 working days (floor(10 × 5 / 7)) = 56 h.
    expect(
      statutoryLimitHours({
        processingTime: [
          { channel: 'online', amount: 10, unit: 'calendar_days' },
          { channel: 'in_person', amount: 5, unit: 'working_days' },
        ],
      }),
    ).toBe(40);
    expect(statutoryLimitHours({ processingTime: [{ channel: 'online', amount: 10, unit: 'calendar_days' }] })).toBe(56);
    expect(statutoryLimitHours({ processingTime: [] })).toBeNull();
  });

  it('sums the allotted hours, an emptied field counting as nothing', () => {
    expect(totalHours([step('a', 4), step('b', 24.5), step('c', Number.NaN)])).toBe(28.5);
  });

  it('moves a step and gives a new step a key no other step has', () => {
    const steps = [step('a', 1), step('b', 1), step('buoc-4', 1)];
    expect(moveItem(steps, 2, 0).map((s) => s.key)).toEqual(['buoc-4', 'a', 'b']);
    expect(blankStep(steps, UNIT).key).toBe('buoc-5');
    expect(blankStep([], UNIT).allowReturnToPrevious).toBe(false);
  });

  it('files each refusal under its step: design problems by key, schema problems by path', () => {
    const steps = [step('a', 1), step('b', 1)];
    const problems = problemsFrom(
      {
        problems: [
          { stepKey: 'b', field: 'role', message: { vi: 'Bước "b": chưa có cán bộ', en: 'Step "b": nobody' } },
          { stepKey: null, field: 'allottedWorkingHours', message: { vi: 'Tổng thời gian vượt', en: 'Total over' } },
        ],
        fields: [
          { path: 'steps.0.name', problem: 'Invalid length' },
          { path: 'caseCode', problem: 'Invalid format' },
        ],
      },
      steps,
    );
    expect(problems.byStep.get(1)).toEqual([{ vi: 'Bước "b": chưa có cán bộ', en: 'Step "b": nobody' }]);
    expect(problems.byStep.get(0)).toEqual([{ vi: 'name: Invalid length', en: 'name: Invalid length' }]);
    expect(problems.general.map((m) => m.en)).toEqual(['Total over', 'caseCode: Invalid format']);
    expect(problemsFrom(undefined, steps).general).toEqual([]);
  });
});

describe('hand-over to another province (liên thông giữa hai tỉnh)', () => {
  const OWN = '00000000-0000-4000-8000-0000000000a1';
  const OTHER = '00000000-0000-4000-8000-0000000000b1';
  const COMMUNE = UNIT;
  const B_DEPT = '00000000-0000-4000-8000-0000000000b2';
  const B_OFFICE = '00000000-0000-4000-8000-0000000000b3';
  const at = (key: string, orgUnitId: string, handOver?: ProcessStep['handOver']): ProcessStep => ({
    ...step(key, 1),
    orgUnitId,
    ...(handOver ? { kind: 'hand_over', handOver } : {}),
  });
  const design = [
    at('receive', COMMUNE),
    at('to-b', COMMUNE, { direction: 'up', targetUnitId: B_DEPT, targetTenantId: OTHER }),
    at('b-approve', B_DEPT),
    at('b-on', B_DEPT, { direction: 'down', targetUnitId: B_OFFICE, targetTenantId: OTHER }),
    at('b-back', B_OFFICE, { direction: 'down', targetUnitId: COMMUNE }),
    at('return', COMMUNE),
  ];

  it('marks the steps the other province works, up to the next step at the sending unit', () => {
    expect(segmentOwners(design, OWN).map((o) => o?.tenantId ?? null)).toEqual([null, null, OTHER, OTHER, OTHER, null]);
    expect(segmentOwners(design, OWN)[2]).toEqual({ tenantId: OTHER, sendingUnitId: COMMUNE });
    // A hand-over naming this province, or one whose province is not chosen yet, opens no segment.
    const own = design.map((s) => (s.key === 'to-b' ? patchHandOver(s, { targetTenantId: OWN }) : s));
    expect(
      segmentOwners(own, OWN)
        .slice(0, 4)
        .every((o) => o === null),
    ).toBe(true);
    const unchosen = design.map((s) => (s.key === 'to-b' ? patchHandOver(s, { targetTenantId: '' }) : s));
    expect(segmentOwners(unchosen, OWN)[2]).toBeNull();
    // Without a step back at the sending unit, the other province works to the end.
    expect(segmentOwners(design.slice(0, 4), OWN).map((o) => o?.tenantId ?? null)).toEqual([null, null, OTHER, OTHER]);
  });

  it('lists each other province the design names once, to load its units', () => {
    expect(otherProvinceIds(design, OWN)).toEqual([OTHER]);
    expect(otherProvinceIds([at('x', COMMUNE, { direction: 'up', targetUnitId: COMMUNE, targetTenantId: OWN })], OWN)).toEqual([]);
  });

  it('keeps the province when the target unit or the direction is edited, and drops it only on request', () => {
    const toB = design[1]!;
    expect(patchHandOver(toB, { targetUnitId: B_OFFICE }).handOver).toEqual({ direction: 'up', targetUnitId: B_OFFICE, targetTenantId: OTHER });
    expect(patchHandOver(toB, { direction: 'down' }).handOver).toEqual({ direction: 'down', targetUnitId: B_DEPT, targetTenantId: OTHER });
    const inProvince = patchHandOver(toB, { targetTenantId: undefined, targetUnitId: COMMUNE }).handOver!;
    expect('targetTenantId' in inProvince).toBe(false);
    expect(toB.handOver?.targetTenantId).toBe(OTHER);
  });
});
