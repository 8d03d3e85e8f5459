import type { Actor, Probe, RouteCase } from './authz-matrix.js';

/** Whoever holds `read Report` in the province: its admins and leaders, and ministry staff. */
const READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', 'ministry_admin', 'ministry_oversight'];
const WHOLE_PROVINCE: Actor[] = ['province_admin', 'ministry_admin', 'ministry_oversight'];
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}/work-lists`;
/** The unit filter points into the actors' subtree (the ward's team) or beside it (a department). */
const unitAt = (p: Probe) => (p.place === 'ownSubtree' ? p.world.wardTeamId : p.world.departmentId);
const list = (path: string): RouteCase => ({
  allowed: { ownSubtree: READERS, otherSubtree: WHOLE_PROVINCE },
  request: (p) => ({ path: `${base(p)}/${path}?unitId=${unitAt(p)}` }),
});

/** Province monitoring: the three work lists, filtered by a unit, and their setting. */
export const WORK_LIST_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/work-lists/overdue': list('overdue'),
  'GET /api/tenants/:tenantId/work-lists/near-due': list('near-due'),
  'GET /api/tenants/:tenantId/work-lists/stuck': list('stuck'),
  'GET /api/tenants/:tenantId/work-lists/settings': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `${base(p)}/settings` }),
  },
  // 3 is the default: the matrix leaves the province as it found it.
  'PUT /api/tenants/:tenantId/work-lists/settings': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: (p) => ({ path: `${base(p)}/settings`, body: { stuckAfterWorkingDays: 3 } }),
  },
};
