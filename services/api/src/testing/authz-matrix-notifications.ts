import type { Actor, Probe, RouteCase } from './authz-matrix.js';

const MINISTRY: Actor[] = ['ministry_admin', 'ministry_oversight'];
/** A province's sender and usage: its province admin and the ministry, never a unit's admin or officers. */
const READERS: Actor[] = ['province_admin', ...MINISTRY];
const everywhere = (actors: Actor[]) => ({ ownSubtree: actors, otherSubtree: actors });
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}`;

/** Notifications per province (docs/domain/notifications.md). */
export const NOTIFICATION_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/notification-sender': { allowed: everywhere(READERS), request: (p) => ({ path: `${base(p)}/notification-sender` }) },
  // All null: the matrix's provinces keep the platform default.
  'PUT /api/tenants/:tenantId/notification-sender': {
    allowed: everywhere(['province_admin']),
    request: (p) => ({
      path: `${base(p)}/notification-sender`,
      body: { smsBrandname: null, mailFromName: null, mailFromAddress: null, zaloOaId: null },
    }),
  },
  'GET /api/tenants/:tenantId/notification-usage': { allowed: everywhere(READERS), request: (p) => ({ path: `${base(p)}/notification-usage` }) },
  // Not tenant-scoped; as with the national report, every province role is refused wherever it calls from.
  'GET /api/reports/notification-usage': { allowed: everywhere(MINISTRY), request: () => ({ path: '/api/reports/notification-usage' }) },
};

/** The caller's own choice of channel: any signed-in citizen, about themselves only. */
export const NOTIFICATION_PUBLIC_ROUTES = ['GET /api/me/notification-preference', 'PUT /api/me/notification-preference'];
