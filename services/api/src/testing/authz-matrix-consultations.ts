import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';
import { dossierAt } from './authz-matrix-dossiers.js';

const OFFICERS: Actor[] = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'];
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}`;
/** The actors sit at the ward (the province admin at the root): a request to the ward or to a department beside it. */
const placeUnit = (p: Probe) => (p.place === 'ownSubtree' ? p.world.wardId : p.world.departmentId);

/**
 * A request addressed to the unit at the probe's place, whose workflow has ended: an officer
 * allowed to answer reaches the 409 (the dossier is closed), anyone else a 403 first.
 */
async function requestAt(p: Probe): Promise<string> {
  const id = randomUUID();
  const { tenantId } = p.world;
  const unitId = placeUnit(p);
  await withTenant(p.sql, tenantId, (tx) =>
    tx.insert(schema.dossierConsultations).values({
      tenantId,
      id,
      askingTenantId: tenantId,
      consultedTenantId: tenantId,
      dossierId: randomUUID(),
      dossierCode: 'MT-001',
      procedureCode: '2.700000',
      workflowId: `matrix-${id}`,
      stepKey: 'ask',
      stepName: 'Lấy ý kiến',
      askingUnitId: p.world.rootId,
      consultedUnitId: unitId,
      requestedAt: new Date(),
      dueAt: new Date(),
    }),
  );
  return id;
}

/** Consultations (lấy ý kiến): lists any officer of the province reads (filtered to their units), and the answer. */
export const CONSULTATION_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/consultations/inbox': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: [...OFFICERS, 'ministry_oversight'] },
    request: (p) => ({ path: `${base(p)}/consultations/inbox` }),
  },
  'GET /api/tenants/:tenantId/consultations/late': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: [...OFFICERS, 'ministry_oversight'] },
    request: (p) => ({ path: `${base(p)}/consultations/late` }),
  },
  // Who processes or approves dossiers at the consulted unit (or above it) answers for it.
  'POST /api/tenants/:tenantId/consultations/:consultationId/answer': {
    allowed: { ownSubtree: ['province_admin', 'unit_admin', 'specialist', 'leader'], otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `${base(p)}/consultations/${await requestAt(p)}/answer`, body: { answer: 'Đồng ý' } }),
  },
  'GET /api/tenants/:tenantId/dossiers/:dossierId/consultations': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: ['province_admin', 'ministry_oversight'] },
    request: async (p) => ({ path: `${base(p)}/dossiers/${(await dossierAt(p)).dossierId}/consultations` }),
  },
};
