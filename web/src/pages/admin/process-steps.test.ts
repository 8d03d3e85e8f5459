import type { ProcessStep } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { blankStep, moveItem, problemsFrom, statutoryLimitHours, totalHours } from './process-steps.js';

const UNIT = '00000000-0000-4000-8000-000000000001';
const step = (key: string, hours: number): ProcessStep => ({ key, kind: 'process', name: key, role: 'specialist', orgUnitId: UNIT, allottedWorkingHours: hours, nationalStatus: 4, localStatus: key, allowReturnToPrevious: false });

describe('process designer arithmetic', () => {
  it('takes the strictest channel as the limit, calendar days counted as the API counts them', () => {
    // 5 working days = 40 h; 10 calendar days = 7 working days (floor(10 × 5 / 7)) = 56 h.
    expect(statutoryLimitHours({ processingTime: [{ channel: 'online', amount: 10, unit: 'calendar_days' }, { channel: 'in_person', amount: 5, unit: 'working_days' }] })).toBe(40);
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
        fields: [{ path: 'steps.0.name', problem: 'Invalid length' }, { path: 'caseCode', problem: 'Invalid format' }],
      },
      steps,
    );
    expect(problems.byStep.get(1)).toEqual([{ vi: 'Bước "b": chưa có cán bộ', en: 'Step "b": nobody' }]);
    expect(problems.byStep.get(0)).toEqual([{ vi: 'name: Invalid length', en: 'name: Invalid length' }]);
    expect(problems.general.map((m) => m.en)).toEqual(['Total over', 'caseCode: Invalid format']);
    expect(problemsFrom(undefined, steps).general).toEqual([]);
  });
});
