import { randomUUID } from 'node:crypto';
import { schema, withTenant, type Sql } from '@gov/db';
import type { TenantRole } from '@gov/domain';
import { sql } from 'drizzle-orm';
import { CATALOG_GLOBAL_ROUTES, CATALOG_MATRIX, CATALOG_PUBLIC_ROUTES } from './authz-matrix-catalog.js';
import { DOSSIER_MATRIX, DOSSIER_PUBLIC_ROUTES } from './authz-matrix-dossiers.js';
import { PAYMENT_MATRIX, PAYMENT_PUBLIC_ROUTES } from './authz-matrix-payments.js';
import { PORTAL_MATRIX, PORTAL_PUBLIC_ROUTES } from './authz-matrix-portal.js';
import { REPORT_MATRIX } from './authz-matrix-reports.js';
import { INDEX766_MATRIX, INDEX766_PUBLIC_ROUTES } from './authz-matrix-index766.js';
import { AUDIT_MATRIX } from './authz-matrix-audit.js';
import { WORK_LIST_MATRIX } from './authz-matrix-work-lists.js';
import { CONSULTATION_MATRIX } from './authz-matrix-consultations.js';
import { ARCHIVE_MATRIX } from './authz-matrix-archive.js';
import { SATISFACTION_MATRIX } from './authz-matrix-satisfaction.js';
import { NOTIFICATION_MATRIX, NOTIFICATION_PUBLIC_ROUTES } from './authz-matrix-notifications.js';
import { NATIONAL_PORTAL_MATRIX } from './authz-matrix-national-portal.js';
import { FEEDBACK_MATRIX, FEEDBACK_PUBLIC_ROUTES } from './authz-matrix-feedback.js';
import type { TenantWorld } from './world.js';

export type Actor = 'anonymous' | 'citizen' | 'ministry_admin' | 'ministry_oversight' | TenantRole;
export const ACTORS: Actor[] = [
  'anonymous',
  'citizen',
  'ministry_admin',
  'ministry_oversight',
  'province_admin',
  'unit_admin',
  'reception_officer',
  'specialist',
  'leader',
  'result_clerk',
];

/** Where a request points inside the target province: the actor's subtree (the ward) or outside it. */
export type Place = 'ownSubtree' | 'otherSubtree';

export interface Probe {
  world: TenantWorld;
  place: Place;
  sql: Sql;
  /** A fresh officer of the target province at the chosen place, to be acted on. */
  freshOfficer(): Promise<string>;
}

export interface RouteRequest {
  path: string;
  body?: unknown;
}

export interface RouteCase {
  /** Who may do it in their own province, by place. Ministry roles act in any province. */
  allowed: Record<Place, Actor[]>;
  request(probe: Probe): RouteRequest | Promise<RouteRequest>;
}

const ADMINS: Actor[] = ['province_admin', 'unit_admin'];
const READERS: Actor[] = ['province_admin', 'unit_admin', 'ministry_admin', 'ministry_oversight'];
const unitAt = (p: Probe) => (p.place === 'ownSubtree' ? p.world.wardTeamId : p.world.departmentId);
const officerBody = (orgUnitId: string) => ({
  login: `mx-${randomUUID().slice(0, 10)}`,
  fullName: 'Phạm Văn Ma Trận',
  citizenId: '001199005678',
  position: 'Chuyên viên',
  phone: '0912000111',
  email: 'mt@example.gov.vn',
  orgUnitId,
});

/**
 * Every tenant-scoped route, with who may call it. The matrix test fails when a route exists in
 * the app but not here, so a new route cannot ship without its permission row.
 */
export const MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/org-units': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/org-units` }),
  },
  'POST /api/tenants/:tenantId/org-units': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: (p) => ({
      path: `/api/tenants/${p.world.tenantId}/org-units`,
      body: { parentId: unitAt(p), code: `MX-${randomUUID().slice(0, 6)}`, name: 'Tổ ma trận', kind: 'office' },
    }),
  },
  'PATCH /api/tenants/:tenantId/org-units/:unitId': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/org-units/${unitAt(p)}`, body: { name: `Đơn vị ${randomUUID().slice(0, 4)}` } }),
  },
  'POST /api/tenants/:tenantId/org-units/:unitId/move': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: (p) => ({
      path: `/api/tenants/${p.world.tenantId}/org-units/${unitAt(p)}/move`,
      body: { newParentId: p.place === 'ownSubtree' ? p.world.wardId : p.world.rootId },
    }),
  },
  'GET /api/tenants/:tenantId/sign-in-policy': {
    allowed: {
      ownSubtree: ['province_admin', 'ministry_admin', 'ministry_oversight'],
      otherSubtree: ['province_admin', 'ministry_admin', 'ministry_oversight'],
    },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/sign-in-policy` }),
  },
  // false keeps the matrix's own officers signing in with their passwords.
  'PUT /api/tenants/:tenantId/sign-in-policy': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/sign-in-policy`, body: { officersVneidOnly: false } }),
  },
  'GET /api/tenants/:tenantId/users': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/users` }),
  },
  'POST /api/tenants/:tenantId/users': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/users`, body: officerBody(unitAt(p)) }),
  },
  // Who may import at all; under which parents each row may go is the per-row report's (org-unit-import.test.ts).
  'POST /api/tenants/:tenantId/org-units/import': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ADMINS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/org-units/import?dryRun=true` }),
  },
  // Who may import at all; which units each row may name is the per-row report's (officer-import.test.ts).
  'POST /api/tenants/:tenantId/users/import': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ADMINS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/users/import?dryRun=true` }),
  },
  'PATCH /api/tenants/:tenantId/users/:userId': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/users/${await p.freshOfficer()}`, body: { position: 'Chuyên viên chính' } }),
  },
  'POST /api/tenants/:tenantId/users/:userId/move': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: async (p) => ({
      path: `/api/tenants/${p.world.tenantId}/users/${await p.freshOfficer()}/move`,
      body: { orgUnitId: p.place === 'ownSubtree' ? p.world.wardId : p.world.rootId, reason: 'Điều chuyển thử' },
    }),
  },
  'POST /api/tenants/:tenantId/users/:userId/deactivate': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/users/${await p.freshOfficer()}/deactivate` }),
  },
  'POST /api/tenants/:tenantId/users/:userId/activate': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/users/${await p.freshOfficer()}/activate` }),
  },
  'POST /api/tenants/:tenantId/users/:userId/reset-password': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/users/${await p.freshOfficer()}/reset-password` }),
  },
  // The reset is not under the province's path, but it is the province's to do: the same authority
  // as a password reset. A fresh officer has no factor, so the allowed admin gets 409, not 403.
  'POST /api/auth/second-factor/users/:userId/reset': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `/api/auth/second-factor/users/${await p.freshOfficer()}/reset` }),
  },
  'GET /api/tenants/:tenantId/role-assignments': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/role-assignments` }),
  },
  'POST /api/tenants/:tenantId/role-assignments': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: async (p) => ({
      path: `/api/tenants/${p.world.tenantId}/role-assignments`,
      body: { userId: await p.freshOfficer(), role: 'result_clerk', orgUnitId: unitAt(p), reason: 'Ma trận phân quyền' },
    }),
  },
  'POST /api/tenants/:tenantId/role-assignments/:assignmentId/revoke': {
    allowed: { ownSubtree: ADMINS, otherSubtree: ['province_admin'] },
    request: async (p) => {
      const userId = await p.freshOfficer();
      const tenantId = p.world.tenantId;
      const [row] = await withTenant(p.sql, tenantId, (tx) =>
        tx
          .insert(schema.roleAssignments)
          .values({ tenantId, userId, role: 'result_clerk', orgUnitId: unitAt(p), reason: 'để thu hồi' })
          .returning(),
      );
      return { path: `/api/tenants/${tenantId}/role-assignments/${row!.id}/revoke`, body: { reason: 'Ma trận thu hồi' } };
    },
  },
  'POST /api/tenants/:tenantId/province-admins': {
    allowed: { ownSubtree: ['ministry_admin'], otherSubtree: ['ministry_admin'] },
    request: (p) => ({
      path: `/api/tenants/${p.world.tenantId}/province-admins`,
      body: { ...officerBody(p.world.rootId), orgUnitId: undefined, reason: 'Bổ nhiệm thử' },
    }),
  },
  'GET /api/tenants/:tenantId/province-admins': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/province-admins` }),
  },
  // Other seats (the appointment row above fills them) are ended first, so the signed-in admin
  // holds the last one: stepping down is refused (409), an allowed call that keeps their rights
  // for the rows after this one; nobody else is a province admin there (403).
  'POST /api/tenants/:tenantId/province-admins/step-down': {
    allowed: { ownSubtree: ['province_admin'], otherSubtree: ['province_admin'] },
    request: async (p) => {
      const { tenantId, logins } = p.world;
      await withTenant(p.sql, tenantId, (tx) =>
        tx.execute(sql`update role_assignments set revoked_at = now() where tenant_id = ${tenantId} and role = 'province_admin'
          and revoked_at is null and user_id <> (select id from users where login = ${logins.province_admin})`),
      );
      return { path: `/api/tenants/${tenantId}/province-admins/step-down`, body: {} };
    },
  },
  // A fresh officer holds no seat: the ministry admin gets past the permission check to a 404.
  'POST /api/tenants/:tenantId/province-admins/:userId/revoke': {
    allowed: { ownSubtree: ['ministry_admin'], otherSubtree: ['ministry_admin'] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/province-admins/${await p.freshOfficer()}/revoke`, body: { reason: 'Thu hồi thử' } }),
  },
  ...CATALOG_MATRIX,
  ...DOSSIER_MATRIX,
  ...PORTAL_MATRIX,
  ...REPORT_MATRIX,
  ...INDEX766_MATRIX,
  ...AUDIT_MATRIX,
  ...WORK_LIST_MATRIX,
  ...CONSULTATION_MATRIX,
  ...ARCHIVE_MATRIX,
  ...SATISFACTION_MATRIX,
  ...PAYMENT_MATRIX,
  ...NOTIFICATION_MATRIX,
  ...NATIONAL_PORTAL_MATRIX,
  ...FEEDBACK_MATRIX,
};

/** Routes anyone may call, or that concern only the caller's own session. */
export const PUBLIC_ROUTES = new Set([
  'GET /healthz',
  'GET /livez',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/init.js',
  'GET /api/docs/swagger-ui-bundle.js',
  'GET /api/docs/swagger-ui.css',
  'GET /api/provinces',
  'GET /api/roles',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/sign-up',
  'POST /api/auth/verify-contact',
  'POST /api/auth/verify-contact/resend',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset',
  'GET /api/auth/sessions',
  'DELETE /api/auth/sessions/:sessionId',
  'GET /api/auth/vneid/start',
  'GET /api/auth/vneid/callback',
  'GET /api/auth/second-factor',
  'POST /api/auth/second-factor/enrol',
  'POST /api/auth/second-factor/enrol/confirm',
  'POST /api/auth/second-factor/verify',
  ...CATALOG_PUBLIC_ROUTES,
  ...DOSSIER_PUBLIC_ROUTES,
  ...PORTAL_PUBLIC_ROUTES,
  ...PAYMENT_PUBLIC_ROUTES,
  ...NOTIFICATION_PUBLIC_ROUTES,
  ...INDEX766_PUBLIC_ROUTES,
  ...FEEDBACK_PUBLIC_ROUTES,
]);

/** Not tenant-scoped: only the ministry admin may create a province. */
export const GLOBAL_ROUTES: Record<string, { allowed: Actor[]; body: () => unknown }> = {
  'POST /api/tenants': {
    allowed: ['ministry_admin'],
    body: () => ({ code: String(Math.floor(Math.random() * 90) + 10), name: 'Thử', fullName: 'Tỉnh Thử', kind: 'province' }),
  },
  ...CATALOG_GLOBAL_ROUTES,
};
