import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';

const READERS: Actor[] = ['province_admin', 'ministry_admin', 'ministry_oversight'];
const REPLAYERS: Actor[] = ['province_admin', 'ministry_admin'];
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}/national-portal/dead-letters`;

/** A dossier with one record the national portal never took, dead after its last attempt. */
async function deadLetter(p: Probe): Promise<string> {
  return withTenant(p.sql, p.world.tenantId, async (tx) => {
    const [procedure] = await tx.select({ id: schema.procedures.id }).from(schema.procedures).limit(1);
    const dossierId = randomUUID();
    await tx.insert(schema.dossiers).values({
      tenantId: p.world.tenantId,
      id: dossierId,
      code: `MX-CDV-${dossierId.slice(0, 8)}`,
      procedureId: procedure!.id,
      channel: 'in_person',
      receivingUnitId: p.world.wardTeamId,
      currentUnitId: p.world.wardTeamId,
      applicantName: 'Lê Văn Ma Trận',
      nationalStatus: 2,
      localStatus: 'received',
      receivedAt: new Date(),
    });
    const [row] = await tx
      .insert(schema.portalSyncOutbox)
      .values({
        tenantId: p.world.tenantId,
        dossierId,
        seq: 1,
        nationalStatus: 2,
        payload: { changedAt: new Date().toISOString() },
        attempts: 12,
        deadAt: new Date(),
      })
      .returning({ id: schema.portalSyncOutbox.id });
    return row!.id;
  });
}

/** The national portal's dead letters: the province admin and ministry staff read, admins replay. */
export const NATIONAL_PORTAL_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/national-portal/dead-letters': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: base(p) }),
  },
  'POST /api/tenants/:tenantId/national-portal/dead-letters/:id/replay': {
    allowed: { ownSubtree: REPLAYERS, otherSubtree: REPLAYERS },
    request: async (p) => ({ path: `${base(p)}/${await deadLetter(p)}/replay` }),
  },
};
