import type { Actor, Probe, RouteCase } from './authz-matrix.js';

const MINISTRY: Actor[] = ['ministry_admin', 'ministry_oversight'];
/** Whoever holds `read Report` in the province, as for the unit report. */
const READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', ...MINISTRY];

/** The Decision 766 index: the provinces' ranking for the ministry, a province's units for its report readers. */
export const INDEX766_MATRIX: Record<string, RouteCase> = {
  'GET /api/reports/index766/provinces': {
    allowed: { ownSubtree: MINISTRY, otherSubtree: MINISTRY },
    request: () => ({ path: '/api/reports/index766/provinces?quarter=2026-Q1' }),
  },
  'GET /api/reports/index766/provinces/:tenantId/units': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p: Probe) => ({ path: `/api/reports/index766/provinces/${p.world.tenantId}/units?quarter=2026-Q1` }),
  },
};

/** The published index of a closed quarter: anyone. */
export const INDEX766_PUBLIC_ROUTES = ['GET /api/public/index766'];
