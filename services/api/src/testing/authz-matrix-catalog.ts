import { randomUUID } from 'node:crypto';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';

/** A seeded national procedure (services/db/data/catalog/procedures.json). */
const SEED_CODE = '1.005092';
const PROVINCE: Actor[] = ['province_admin'];
const PROVINCE_AND_OVERSIGHT: Actor[] = ['province_admin', 'ministry_oversight'];
const both = (actors: Actor[]) => ({ ownSubtree: actors, otherSubtree: actors });
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}`;
const step = (p: Probe) => ({
  key: 'tiep-nhan',
  kind: 'receive',
  name: 'Tiếp nhận',
  role: 'reception_officer',
  orgUnitId: p.world.wardId,
  allottedWorkingHours: 4,
  nationalStatus: 2,
  localStatus: 'received',
  allowReturnToPrevious: false,
});

/**
 * Catalog, activation, process designer and calendar routes. Bodies pass the route
 * schemas, so a refusal can only come from the permission check.
 */
export const CATALOG_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/calendar': { allowed: both(PROVINCE_AND_OVERSIGHT), request: (p) => ({ path: `${base(p)}/calendar` }) },
  'PUT /api/tenants/:tenantId/calendar': { allowed: both(PROVINCE), request: (p) => ({ path: `${base(p)}/calendar`, body: { overrides: [] } }) },
  'POST /api/tenants/:tenantId/calendar/due-date': {
    allowed: both(PROVINCE_AND_OVERSIGHT),
    request: (p) => ({ path: `${base(p)}/calendar/due-date`, body: { receivedAt: '2026-02-13T18:30:00+07:00', amount: 5, unit: 'working_days' } }),
  },
  'GET /api/tenants/:tenantId/procedure-settings': { allowed: both(PROVINCE_AND_OVERSIGHT), request: (p) => ({ path: `${base(p)}/procedure-settings` }) },
  'GET /api/tenants/:tenantId/procedure-settings/:code': {
    allowed: both(PROVINCE_AND_OVERSIGHT),
    request: (p) => ({ path: `${base(p)}/procedure-settings/${SEED_CODE}` }),
  },
  'PUT /api/tenants/:tenantId/procedure-settings/:code': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/procedure-settings/${SEED_CODE}`, body: { receivingUnitIds: [p.world.wardId], handlingUnitIds: [p.world.wardId] } }),
  },
  'GET /api/tenants/:tenantId/processes': { allowed: both(PROVINCE_AND_OVERSIGHT), request: (p) => ({ path: `${base(p)}/processes` }) },
  'POST /api/tenants/:tenantId/processes': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/processes`, body: { procedureCode: SEED_CODE, steps: [step(p)] } }),
  },
  'POST /api/tenants/:tenantId/processes/:id/publish': { allowed: both(PROVINCE), request: (p) => ({ path: `${base(p)}/processes/${randomUUID()}/publish` }) },
  // Designers only: another province's units are shown to whoever may design processes here.
  'GET /api/tenants/:tenantId/hand-over-targets': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/hand-over-targets?province=${p.world.tenantId}` }),
  },
  // Inter-province agreements: the province admin, who designs the processes that use them.
  'GET /api/tenants/:tenantId/hand-over-agreements': { allowed: both(PROVINCE), request: (p) => ({ path: `${base(p)}/hand-over-agreements` }) },
  'POST /api/tenants/:tenantId/hand-over-agreements': {
    allowed: both(PROVINCE),
    request: (p) => ({
      path: `${base(p)}/hand-over-agreements`,
      body: { targetTenantId: randomUUID(), procedureCode: SEED_CODE, sourceUnitIds: [p.world.wardId], targetUnitIds: [randomUUID()], allottedWorkingHours: 8 },
    }),
  },
  'POST /api/tenants/:tenantId/hand-over-agreements/:id/accept': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/hand-over-agreements/${randomUUID()}/accept`, body: {} }),
  },
  'POST /api/tenants/:tenantId/hand-over-agreements/:id/refuse': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/hand-over-agreements/${randomUUID()}/refuse`, body: {} }),
  },
  'POST /api/tenants/:tenantId/hand-over-agreements/:id/withdraw': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/hand-over-agreements/${randomUUID()}/withdraw`, body: {} }),
  },
  // Jurisdiction-free intake routing: whoever activates procedures in the province.
  'GET /api/tenants/:tenantId/intake-routing-rules': { allowed: both(PROVINCE), request: (p) => ({ path: `${base(p)}/intake-routing-rules` }) },
  'POST /api/tenants/:tenantId/intake-routing-rules': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/intake-routing-rules`, body: { communeCode: '00004', competentUnitId: randomUUID() } }),
  },
  'PUT /api/tenants/:tenantId/intake-routing-rules/:id': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/intake-routing-rules/${randomUUID()}`, body: { communeCode: '00004', competentUnitId: randomUUID() } }),
  },
  'DELETE /api/tenants/:tenantId/intake-routing-rules/:id': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/intake-routing-rules/${randomUUID()}` }),
  },
  'POST /api/tenants/:tenantId/processes/copy-default': {
    allowed: both(PROVINCE),
    request: (p) => ({ path: `${base(p)}/processes/copy-default`, body: { procedureCode: SEED_CODE, unitMapping: { commune_one_stop: p.world.wardId } } }),
  },
};

export const CATALOG_PUBLIC_ROUTES = [
  'GET /api/catalog/procedures',
  'GET /api/catalog/procedures/:code',
  'GET /api/catalog/export',
  'GET /api/catalog/default-processes',
];

export const CATALOG_GLOBAL_ROUTES: Record<string, { allowed: Actor[]; body: () => unknown }> = {
  'POST /api/catalog/import': { allowed: ['ministry_admin'], body: () => [] },
  'POST /api/catalog/procedures': {
    allowed: ['ministry_admin'],
    body: () => ({
      code: `2.9${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`,
      name: 'Thủ tục ma trận phân quyền',
      sector: 'Nội vụ',
      level: 'province',
      channels: ['online'],
      cases: [{ code: 'default', name: 'Mặc định', components: [{ code: 'don', name: 'Đơn', originals: 1, copies: 0 }] }],
      processingTime: [{ channel: 'online', amount: 5, unit: 'working_days' }],
      onlineServiceLevel: 'full',
    }),
  },
  'POST /api/catalog/default-processes': {
    allowed: ['ministry_admin'],
    body: () => ({
      procedureCode: SEED_CODE,
      steps: [
        {
          key: 'tiep-nhan',
          kind: 'receive',
          name: 'Tiếp nhận',
          role: 'reception_officer',
          unitKind: 'commune_one_stop',
          allottedWorkingHours: 4,
          nationalStatus: 2,
          localStatus: 'received',
          allowReturnToPrevious: false,
        },
      ],
    }),
  },
};
