import type { Actor, Probe, RouteCase } from './authz-matrix.js';

/** The audit log and the ministry's reads: the province admin of the province, and ministry staff. */
const AUDITORS: Actor[] = ['province_admin', 'ministry_admin', 'ministry_oversight'];
const both = { ownSubtree: AUDITORS, otherSubtree: AUDITORS };
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}`;

export const AUDIT_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/audit-log': { allowed: both, request: (p) => ({ path: `${base(p)}/audit-log?page=1` }) },
  'GET /api/tenants/:tenantId/audit-log/chain': { allowed: both, request: (p) => ({ path: `${base(p)}/audit-log/chain` }) },
  'GET /api/tenants/:tenantId/ministry-reads': { allowed: both, request: (p) => ({ path: `${base(p)}/ministry-reads` }) },
};
