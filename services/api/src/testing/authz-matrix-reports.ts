import type { Actor, Probe, RouteCase } from './authz-matrix.js';

/** Ministry staff: the reports read across provinces (gov_ministry), which no province role may. */
const MINISTRY: Actor[] = ['ministry_admin', 'ministry_oversight'];
const both = { ownSubtree: MINISTRY, otherSubtree: MINISTRY };
/** Whoever holds `read Report` in the province (a unit's leader or admin gets their subtree's lines). */
const READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', ...MINISTRY];
const base = (p: Probe) => `/api/reports/provinces/${p.world.tenantId}`;

/**
 * Ministry oversight reports; one province by unit is also its own readers' dashboard. The national report is not tenant-scoped, but it is a
 * GET, so it sits here: the province probe only varies the path it is called from, and every
 * province role is refused wherever it calls from.
 */
export const REPORT_MATRIX: Record<string, RouteCase> = {
  'GET /api/reports/provinces': { allowed: both, request: () => ({ path: '/api/reports/provinces?from=2026-01-01&to=2026-01-31' }) },
  'GET /api/reports/provinces/:tenantId/units': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `${base(p)}/units` }),
  },
  'GET /api/reports/provinces/:tenantId/procedures': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `${base(p)}/procedures` }),
  },
  'GET /api/reports/provinces/:tenantId/officers': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `${base(p)}/officers` }),
  },
  'GET /api/reports/provinces/:tenantId/fees': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `${base(p)}/fees` }),
  },
  'GET /api/reports/provinces/:tenantId/consultations': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `${base(p)}/consultations` }),
  },
  'GET /api/reports/provinces/:tenantId/dossiers': { allowed: both, request: (p) => ({ path: `${base(p)}/dossiers?page=1` }) },
};
