import type { Actor, Probe, RouteCase } from './authz-matrix.js';
import { dossierAt } from './authz-matrix-dossiers.js';

const OFFICERS: Actor[] = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'];
/** Whoever may read the dossier (its applicant too, checked in online-payment.test.ts). */
const readers = { ownSubtree: [...OFFICERS, 'ministry_oversight'] as Actor[], otherSubtree: ['province_admin', 'ministry_oversight'] as Actor[] };
/**
 * Whoever holds `read Report` anywhere in the province (its admins, unit admins and leaders) and
 * ministry staff: the reconciliation has no unit, so where the probe's unit is does not matter.
 */
const READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', 'ministry_admin', 'ministry_oversight'];
const reportReaders = { ownSubtree: READERS, otherSubtree: READERS };
const dossierPath = async (p: Probe, tail: string) => `/api/tenants/${p.world.tenantId}/dossiers/${(await dossierAt(p)).dossierId}/${tail}`;

/**
 * Online payment: started by whoever may read the dossier (no fee is pending on the probe's
 * dossier, so the allowed get 409); the reconciliation reads like a report (a day not begun yet: the allowed get 400, and no
 * gateway is asked). The gateway's
 * notification and the return are public: their signature is the key.
 */
export const PAYMENT_MATRIX: Record<string, RouteCase> = {
  'POST /api/tenants/:tenantId/dossiers/:dossierId/online-payments': {
    allowed: readers,
    request: async (p) => ({ path: await dossierPath(p, 'online-payments') }),
  },
  'GET /api/tenants/:tenantId/dossiers/:dossierId/payments': {
    allowed: readers,
    request: async (p) => ({ path: await dossierPath(p, 'payments') }),
  },
  'GET /api/tenants/:tenantId/payments/reconciliation': {
    allowed: reportReaders,
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/payments/reconciliation?date=2999-01-01` }),
  },
};

export const PAYMENT_PUBLIC_ROUTES = ['GET /api/payments/ipn', 'GET /api/payments/return'];
