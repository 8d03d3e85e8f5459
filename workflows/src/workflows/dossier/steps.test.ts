import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { describe, expect, it } from 'vitest';
import { pauseClock, resumeClock } from './steps.js';
import { initialState } from './state.js';
import { createTimeModel } from './time-model.js';

// Pure: the clock arithmetic of a supplement during processing, on the real working calendar.
const time = createTimeModel({ fromYear: 2026, toYear: 2026 });
const local = (iso: string) => Date.parse(`${iso}${VIETNAM_UTC_OFFSET}`);
const step = {
  key: 'process',
  kind: 'process',
  name: 'Xử lý',
  role: 'specialist',
  orgUnitId: '00000000-0000-4000-8000-000000000001',
  allottedWorkingHours: 8,
  nationalStatus: 4,
  localStatus: 'processing',
  allowReturnToPrevious: false,
} as const;
const snapshot = {
  processDefinitionId: '00000000-0000-4000-8000-000000000002',
  tenantId: '00000000-0000-4000-8000-000000000003',
  procedureCode: '1.000001',
  caseCode: 'default',
  version: 1,
  statutoryTime: { amount: 5, unit: 'working_days' as const },
  steps: [step],
};

describe('resumeClock', () => {
  it('moves the promised date by the paused working time, skipping nights and the weekend', () => {
    const state = initialState({
      workflowId: 'w',
      tenantId: snapshot.tenantId,
      dossierId: 'd',
      snapshot,
      segment: { from: 0, to: 1 },
      isHandOver: false,
      now: 0,
    });
    state.dueAt = local('2026-03-10T10:00:00');
    state.stepDueAt = local('2026-03-09T15:00:00');
    // Paused Friday 16:00, supplement in on Monday 08:30: 60 + 60 working minutes.
    pauseClock(state, local('2026-03-06T16:00:00'));
    const minutes = resumeClock(state, time, local('2026-03-09T08:30:00'), true);
    expect(minutes).toBe(120);
    expect(state.pausedWorkingMinutes).toBe(120);
    // Tuesday 10:00 + 2 working hours = 11:30 (90 min) + 13:00–13:30.
    expect(state.dueAt).toBe(local('2026-03-10T13:30:00'));
    expect(state.stepDueAt).toBe(local('2026-03-09T17:00:00'));
    expect(state.pausedSince).toBeNull();
  });

  it('does not move a deadline for a pause outside working hours', () => {
    const state = initialState({
      workflowId: 'w',
      tenantId: snapshot.tenantId,
      dossierId: 'd',
      snapshot,
      segment: { from: 0, to: 1 },
      isHandOver: false,
      now: 0,
    });
    state.dueAt = local('2026-03-10T17:00:00');
    pauseClock(state, local('2026-03-07T09:00:00'));
    expect(resumeClock(state, time, local('2026-03-08T09:00:00'), true)).toBe(0);
    expect(state.dueAt).toBe(local('2026-03-10T17:00:00'));
  });
});
