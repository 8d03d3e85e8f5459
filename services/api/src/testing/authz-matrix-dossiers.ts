import { randomInt, randomUUID } from 'node:crypto';
import { FileStore } from '@gov/core';
import { schema, withTenant } from '@gov/db';
import { TEST_FILES_DIR } from '../test-deps.js';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';
import { PDF } from './dossier-world.js';

const OFFICERS: Actor[] = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'];
const setups = new Map<string, Promise<{ procedureId: string; procedureCode: string }>>();
const base = (p: Probe) => `/api/tenants/${p.world.tenantId}`;
const placeUnit = (p: Probe) => (p.place === 'ownSubtree' ? p.world.wardId : p.world.departmentId);

/**
 * Once per province: a procedure received at the ward and the department, whose process starts
 * at the department, so no counter intake in the matrix waits for a worker to accept it.
 */
function intakeSetup(p: Probe) {
  const tenantId = p.world.tenantId;
  let setup = setups.get(tenantId);
  if (!setup) {
    setup = withTenant(p.sql, tenantId, async (tx) => {
      let procedure: { id: string; code: string } | undefined;
      while (!procedure) {
        // A code no earlier run used: the test database persists between runs.
        [procedure] = await tx
          .insert(schema.procedures)
          .values({
            code: `2.7${String(randomInt(0, 100_000)).padStart(5, '0')}`,
            version: 1,
            name: 'Thủ tục ma trận hồ sơ',
            sector: 'Nội vụ',
            level: 'commune',
            channels: ['in_person'],
            cases: [{ code: 'default', name: 'Mặc định', components: [{ code: 'don', name: 'Đơn', originals: 1, copies: 0, required: false }] }],
            processingTime: [{ channel: 'in_person', amount: 3, unit: 'working_days' }],
            onlineServiceLevel: 'none',
          })
          .onConflictDoNothing()
          .returning({ id: schema.procedures.id, code: schema.procedures.code });
      }
      const procedureCode = procedure.code;
      const { wardId, departmentId } = p.world;
      await tx
        .insert(schema.procedureSettings)
        .values({ tenantId, procedureCode, receivingUnitIds: [wardId, departmentId], handlingUnitIds: [wardId, departmentId] });
      await tx.insert(schema.processDefinitions).values({
        tenantId,
        procedureCode,
        version: 1,
        status: 'published',
        publishedAt: new Date(),
        steps: [
          {
            key: 'receive',
            kind: 'receive',
            name: 'Tiếp nhận',
            role: 'reception_officer',
            orgUnitId: departmentId,
            allottedWorkingHours: 8,
            nationalStatus: 1,
            localStatus: 'awaiting_reception',
            allowReturnToPrevious: false,
          },
        ],
      });
      return { procedureId: procedure.id, procedureCode };
    });
    setups.set(tenantId, setup);
  }
  return setup;
}

/** A dossier received at the probe's place, with one stored attachment. */
export async function dossierAt(p: Probe): Promise<{ dossierId: string; fileId: string }> {
  const { procedureId } = await intakeSetup(p);
  const tenantId = p.world.tenantId;
  const stored = await new FileStore(TEST_FILES_DIR).put(tenantId, PDF);
  return withTenant(p.sql, tenantId, async (tx) => {
    const dossierId = randomUUID();
    const unitId = placeUnit(p);
    await tx.insert(schema.dossiers).values({
      tenantId,
      id: dossierId,
      code: `MX-${dossierId.slice(0, 8)}`,
      procedureId,
      channel: 'in_person',
      receivingUnitId: unitId,
      currentUnitId: unitId,
      applicantName: 'Nguyễn Văn Ma Trận',
      applicantIdSuffix: '1234',
      nationalStatus: 1,
      localStatus: 'awaiting_reception',
      receivedAt: new Date(),
    });
    const [file] = await tx
      .insert(schema.dossierFiles)
      .values({ tenantId, dossierId, componentCode: 'don', fileName: 'don.pdf', contentType: 'application/pdf', ...stored })
      .returning();
    return { dossierId, fileId: file!.id };
  });
}

const readers = { ownSubtree: [...OFFICERS, 'ministry_oversight'] as Actor[], otherSubtree: ['province_admin', 'ministry_oversight'] as Actor[] };

/** Dossier intake, reading, files and actions. */
export const DOSSIER_MATRIX: Record<string, RouteCase> = {
  'POST /api/tenants/:tenantId/dossiers': {
    allowed: { ownSubtree: ['province_admin', 'unit_admin', 'reception_officer'], otherSubtree: ['province_admin'] },
    request: async (p) => ({
      path: `${base(p)}/dossiers`,
      body: {
        procedureCode: (await intakeSetup(p)).procedureCode,
        channel: 'in_person',
        receivingUnitId: placeUnit(p),
        applicant: { fullName: 'Trần Thị Ma Trận', citizenId: '001199004321' },
      },
    }),
  },
  // Province-wide check (create Dossier in the tenant); the list itself keeps the officer's units.
  'GET /api/tenants/:tenantId/intake-procedures': {
    allowed: { ownSubtree: ['province_admin', 'unit_admin', 'reception_officer'], otherSubtree: ['province_admin', 'unit_admin', 'reception_officer'] },
    request: (p) => ({ path: `${base(p)}/intake-procedures` }),
  },
  'GET /api/tenants/:tenantId/inbox': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: [...OFFICERS, 'ministry_oversight'] },
    request: (p) => ({ path: `${base(p)}/inbox` }),
  },
  'GET /api/tenants/:tenantId/dossiers/:dossierId': {
    allowed: readers,
    request: async (p) => ({ path: `${base(p)}/dossiers/${(await dossierAt(p)).dossierId}` }),
  },
  'GET /api/tenants/:tenantId/dossiers/:dossierId/receipt': {
    allowed: readers,
    request: async (p) => ({ path: `${base(p)}/dossiers/${(await dossierAt(p)).dossierId}/receipt` }),
  },
  // No fee is pending on the matrix's dossiers: a reader gets the 409, anyone else a 401/403 first.
  'GET /api/tenants/:tenantId/dossiers/:dossierId/payment-qr': {
    allowed: readers,
    request: async (p) => ({ path: `${base(p)}/dossiers/${(await dossierAt(p)).dossierId}/payment-qr` }),
  },
  // The control sheet (Form 05) exists for every dossier; the other forms follow the same check.
  'GET /api/tenants/:tenantId/dossiers/:dossierId/forms/:form': {
    allowed: readers,
    request: async (p) => ({ path: `${base(p)}/dossiers/${(await dossierAt(p)).dossierId}/forms/05` }),
  },
  'GET /api/tenants/:tenantId/dossier-register-units': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: [...OFFICERS, 'ministry_oversight'] },
    request: (p) => ({ path: `${base(p)}/dossier-register-units` }),
  },
  'GET /api/tenants/:tenantId/org-units/:unitId/dossier-register': {
    allowed: readers,
    request: (p) => ({ path: `${base(p)}/org-units/${placeUnit(p)}/dossier-register?from=2026-01-01&to=2026-01-31` }),
  },
  'GET /api/tenants/:tenantId/dossiers/:dossierId/files/:fileId': {
    allowed: readers,
    request: async (p) => {
      const { dossierId, fileId } = await dossierAt(p);
      return { path: `${base(p)}/dossiers/${dossierId}/files/${fileId}` };
    },
  },
  // The dossier has no workflow here, so an allowed actor gets 404 from Temporal: what is
  // checked is that everyone else is refused before Temporal is asked.
  'POST /api/tenants/:tenantId/dossiers/:dossierId/actions/:action': {
    allowed: { ownSubtree: OFFICERS, otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `${base(p)}/dossiers/${(await dossierAt(p)).dossierId}/actions/accept`, body: {} }),
  },
};

export const DOSSIER_PUBLIC_ROUTES = ['GET /api/public/dossier-status', 'GET /api/public/dossier-status/:token', 'POST /api/public/documents/verify'];
