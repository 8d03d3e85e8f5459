import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { routeFromProjection, type OpenStep } from './action-route.js';
import type { DossierEngine } from './engine.js';
import type { DossierRow } from './load-dossier.js';

const tenantId = '00000000-0000-4000-8000-000000000001';
const dossierId = '00000000-0000-4000-8000-000000000002';
const commune = '00000000-0000-4000-8000-000000000003';
const dept = '00000000-0000-4000-8000-000000000004';
const childId = `dossier:${tenantId}:${dossierId}:hand-over:to-dept:4`;
// No Temporal call is made: a handle only names its workflow until it is used.
const engine = { client: { workflow: { getHandle: (workflowId: string) => ({ workflowId }) as WorkflowHandle } }, taskQueue: 'q' } as unknown as DossierEngine;
const steps = [
  { key: 'receive', kind: 'receive', name: 'Tiếp nhận', role: 'reception_officer', orgUnitId: commune },
  { key: 'process', kind: 'process', name: 'Thẩm định', role: 'specialist', orgUnitId: commune },
  { key: 'dept-approve', kind: 'approve', name: 'Sở phê duyệt', role: 'leader', orgUnitId: dept },
];
const row = (patch: Partial<DossierRow> = {}) => ({ tenantId, id: dossierId, nationalStatus: 2, handOverWorkflowId: null, ...patch }) as DossierRow;
const open = (stepKey: string, orgUnitId: string, role: string): OpenStep[] => [{ stepKey, orgUnitId, role, steps }];

describe('routeFromProjection', () => {
  it('routes to the dossier workflow at the open task, named from the process snapshot', () => {
    const route = routeFromProjection({ engine, row: row({ nationalStatus: 1 }), open: open('receive', commune, 'reception_officer'), action: 'accept' });
    expect(route).toMatchObject({ target: { workflowId: `dossier:${tenantId}:${dossierId}` }, nationalStatus: 1 });
    expect(route!.step).toEqual({ key: 'receive', kind: 'receive', name: 'Tiếp nhận', role: 'reception_officer', orgUnitId: commune });
  });

  it('routes step actions to the hand-over child the row names (liên thông)', () => {
    const route = routeFromProjection({ engine, row: row({ handOverWorkflowId: childId }), open: open('dept-approve', dept, 'leader'), action: 'approve' });
    expect(route).toMatchObject({ target: { workflowId: childId }, step: { name: 'Sở phê duyệt', orgUnitId: dept, role: 'leader' } });
  });

  it('leaves to a Query what the projection cannot say', () => {
    // Just registered or a child not started yet: no open task.
    expect(routeFromProjection({ engine, row: row(), open: [], action: 'accept' })).toBeNull();
    // A dossier-level action during a hand-over acts on the parent's own step, which has no task.
    expect(routeFromProjection({ engine, row: row({ handOverWorkflowId: childId }), open: open('dept-approve', dept, 'leader'), action: 'stop' })).toBeNull();
    // A row without its process (another province's copy) or a step the snapshot lacks.
    expect(
      routeFromProjection({ engine, row: row(), open: [{ stepKey: 'process', orgUnitId: commune, role: 'specialist', steps: null }], action: 'forward' }),
    ).toBeNull();
    expect(routeFromProjection({ engine, row: row(), open: open('gone', commune, 'specialist'), action: 'forward' })).toBeNull();
    // Two open tasks would be a projection out of step with itself.
    expect(
      routeFromProjection({
        engine,
        row: row(),
        open: [...open('process', commune, 'specialist'), ...open('receive', commune, 'reception_officer')],
        action: 'forward',
      }),
    ).toBeNull();
  });
});
