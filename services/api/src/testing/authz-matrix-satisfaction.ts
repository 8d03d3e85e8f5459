import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';

/** Whoever holds `read Report` in the province: its admins and leaders, and ministry staff. */
const READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', 'ministry_admin', 'ministry_oversight'];
const WHOLE_PROVINCE: Actor[] = ['province_admin', 'ministry_admin', 'ministry_oversight'];
const unitAt = (p: Probe) => (p.place === 'ownSubtree' ? p.world.wardTeamId : p.world.departmentId);

/**
 * A dossier whose result was returned, filed at the counter for someone without an account: no
 * actor of the matrix is its applicant, so nobody may see or answer its survey (the applicant's
 * own rights are in satisfaction.test.ts).
 */
async function returnedDossier(p: Probe): Promise<string> {
  return withTenant(p.sql, p.world.tenantId, async (tx) => {
    const [procedure] = await tx.select({ id: schema.procedures.id }).from(schema.procedures).limit(1);
    const id = randomUUID();
    await tx.insert(schema.dossiers).values({
      tenantId: p.world.tenantId,
      id,
      code: `MX-KS-${id.slice(0, 8)}`,
      procedureId: procedure!.id,
      channel: 'in_person',
      receivingUnitId: unitAt(p),
      currentUnitId: unitAt(p),
      applicantName: 'Lê Văn Ma Trận',
      nationalStatus: 10,
      localStatus: 'returned',
      receivedAt: new Date(),
    });
    return id;
  });
}

const survey = async (p: Probe) => `/api/tenants/${p.world.tenantId}/dossiers/${await returnedDossier(p)}/survey`;

/** The satisfaction survey: answered by the applicant only; its results read like a report. */
export const SATISFACTION_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/dossiers/:dossierId/survey': {
    allowed: { ownSubtree: [], otherSubtree: [] },
    request: async (p) => ({ path: await survey(p) }),
  },
  'POST /api/tenants/:tenantId/dossiers/:dossierId/survey': {
    allowed: { ownSubtree: [], otherSubtree: [] },
    request: async (p) => ({ path: await survey(p), body: { attitude: 5, timeliness: 5, clarity: 5, overall: 5 } }),
  },
  'GET /api/tenants/:tenantId/survey-results': {
    allowed: { ownSubtree: READERS, otherSubtree: WHOLE_PROVINCE },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/survey-results?unitId=${unitAt(p)}` }),
  },
};
