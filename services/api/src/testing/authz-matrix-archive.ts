import type { Actor, Probe, RouteCase } from './authz-matrix.js';
import { dossierAt } from './authz-matrix-dossiers.js';

const OFFICERS: Actor[] = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'];
/** Whoever holds `read Report` in the province: its admins and leaders, and ministry staff. */
const REPORT_READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', 'ministry_admin', 'ministry_oversight'];
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}`;

/** Archive and retention: the province's archive period, and finding a dossier by its code. */
export const ARCHIVE_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/archive/settings': {
    allowed: { ownSubtree: REPORT_READERS, otherSubtree: REPORT_READERS },
    request: (p) => ({ path: `${base(p)}/archive/settings` }),
  },
  // 12 is the default: the matrix leaves the province as it found it.
  'PUT /api/tenants/:tenantId/archive/settings': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: (p) => ({ path: `${base(p)}/archive/settings`, body: { archiveAfterMonths: 12 } }),
  },
  // The dossier's own read rights: officers of the units it passed through, the whole province's admin, oversight.
  'GET /api/tenants/:tenantId/dossier-codes/:code': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: ['province_admin', 'ministry_oversight'] },
    request: async (p) => ({ path: `${base(p)}/dossier-codes/MX-${(await dossierAt(p)).dossierId.slice(0, 8)}` }),
  },
};
