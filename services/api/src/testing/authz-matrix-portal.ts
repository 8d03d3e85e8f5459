import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';

/**
 * A dossier at the probe's place with no procedure setup of its own: the attach verb reads the
 * dossier row and the caller's rights only. Reuses any catalog version (the seed catalog).
 */
async function dossierAt(p: Probe): Promise<string> {
  const tenantId = p.world.tenantId;
  return withTenant(p.sql, tenantId, async (tx) => {
    const [procedure] = await tx.select({ id: schema.procedures.id }).from(schema.procedures).limit(1);
    const dossierId = randomUUID();
    const unitId = p.place === 'ownSubtree' ? p.world.wardId : p.world.departmentId;
    await tx.insert(schema.dossiers).values({
      tenantId,
      id: dossierId,
      code: `PX-${dossierId.slice(0, 8)}`,
      procedureId: procedure!.id,
      channel: 'in_person',
      receivingUnitId: unitId,
      currentUnitId: unitId,
      applicantName: 'Nguyễn Văn Cổng',
      applicantIdSuffix: '1234',
      nationalStatus: 4,
      localStatus: 'process',
      receivedAt: new Date(),
    });
    return dossierId;
  });
}

/**
 * Citizen portal routes. The result upload is sent without files: an allowed actor
 * gets 400 ("no file") only after every permission check, everyone else 401/403.
 */
export const PORTAL_MATRIX: Record<string, RouteCase> = {
  'POST /api/tenants/:tenantId/dossiers/:dossierId/files': {
    allowed: { ownSubtree: ['province_admin', 'unit_admin', 'leader', 'result_clerk'] satisfies Actor[], otherSubtree: ['province_admin'] satisfies Actor[] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/dossiers/${await dossierAt(p)}/files`, body: { purpose: 'result' } }),
  },
};

/**
 * Public portal reads, and "my dossiers" (in one province, or in all of them), which concern only
 * the caller's own rows (like /api/auth/me): a citizen may ask any province and gets only their
 * own dossiers, so they have no own/other-province shape; their refusals are tested in
 * routes/portal.test.ts.
 */
export const PORTAL_PUBLIC_ROUTES = [
  'GET /api/public/provinces/:tenantId/procedures',
  'GET /api/public/provinces/:tenantId/procedures/:code',
  'GET /api/public/provinces/:tenantId/receiving-units',
  'GET /api/public/provinces/:tenantId/sectors',
  'GET /api/tenants/:tenantId/my-dossiers',
  'GET /api/me/dossiers',
  // The citizen's data store: only the caller's own rows, refusals in routes/my-documents.test.ts.
  'GET /api/me/documents',
  'GET /api/me/documents/:documentId/content',
  'DELETE /api/me/documents/:documentId',
  // Drafts: only the caller's own, refusals (another citizen, an officer, anonymous) in routes/my-drafts.test.ts.
  'GET /api/me/drafts',
  'POST /api/me/drafts',
  'GET /api/me/drafts/:draftId',
  'PUT /api/me/drafts/:draftId',
  'DELETE /api/me/drafts/:draftId',
  'POST /api/me/drafts/:draftId/documents',
  'POST /api/me/drafts/:draftId/submit',
];
