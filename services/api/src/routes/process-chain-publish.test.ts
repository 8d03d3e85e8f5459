import { randomUUID } from 'node:crypto';
import { schema, withTenantPair } from '@gov/db';
import type { ProcessStep } from '@gov/domain';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { addProvinceAdmin, buildDossierWorld, interProvinceSteps, userIdOf, type DossierWorld } from '../testing/dossier-world.js';
import { problemDetail } from '../testing/problem.js';
import { call, signIn, type Session } from '../testing/world.js';

// A chain of hand-overs (liên thông nhiều chặng, docs/domain/lien-thong.md): A's designer
// publishes a process whose hand-over to B's department goes on to C's department and back. Each
// link needs the agreement between its own two provinces; a loop back into the chain is refused.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let a: DossierWorld;
let b: DossierWorld;
let c: DossierWorld;
let adminA: Session;
let adminB: Session;
let adminBUserId: string;

beforeAll(async () => {
  const owner = inject('ownerDatabaseUrl');
  [a, b, c] = [await buildDossierWorld(deps, owner), await buildDossierWorld(deps, owner), await buildDossierWorld(deps, owner)];
  const [loginA, loginB] = [await addProvinceAdmin(deps.sql, a), await addProvinceAdmin(deps.sql, b)];
  [adminA, adminB] = [await signIn(app, loginA), await signIn(app, loginB)];
  adminBUserId = await userIdOf(deps.db, loginB);
  // A → B through the admins' own verbs, as any agreement.
  const proposed = await call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/hand-over-agreements`, {
    targetTenantId: b.tenantId,
    procedureCode: a.procedureCode,
    sourceUnitIds: [a.communeId],
    targetUnitIds: [b.departmentId],
    allottedWorkingHours: 15,
    note: 'Phối hợp thẩm định',
  });
  const { id } = (await proposed.json()) as { id: string };
  expect((await call(app, adminB, 'POST', `/api/tenants/${b.tenantId}/hand-over-agreements/${id}/accept`, {})).status).toBe(200);
});
afterAll(() => close());

/** A's commune → B's department → C's department → back to B → back to A's commune. */
function chainSteps(onward: { tenantId: string; unitId: string }): ProcessStep[] {
  const steps = interProvinceSteps(a, b);
  const approveInB = steps.findIndex((s) => s.key === 'other-approve');
  const base = steps[approveInB]!;
  const hour = { allottedWorkingHours: 1 };
  const inserted: ProcessStep[] = [
    {
      ...base,
      ...hour,
      key: 'to-c',
      kind: 'hand_over',
      role: 'specialist',
      name: 'Chuyển Sở tỉnh C',
      handOver: { direction: 'up', targetTenantId: onward.tenantId, targetUnitId: onward.unitId },
    },
    { ...base, ...hour, key: 'c-approve', orgUnitId: c.departmentId, name: 'Lãnh đạo Sở tỉnh C phê duyệt' },
    {
      ...base,
      ...hour,
      key: 'c-back',
      kind: 'hand_over',
      role: 'specialist',
      orgUnitId: c.departmentId,
      name: 'Chuyển trả Sở tỉnh B',
      handOver: { direction: 'down', targetTenantId: b.tenantId, targetUnitId: b.departmentId },
    },
  ];
  return [...steps.slice(0, approveInB + 1), ...inserted, ...steps.slice(approveInB + 1)];
}

/** B's agreement with C, as both admins' verbs leave it (the procedure is A's, not active in B). */
async function agreeBToC(): Promise<void> {
  const id = randomUUID();
  const terms = {
    id,
    sourceTenantId: b.tenantId,
    targetTenantId: c.tenantId,
    procedureCode: a.procedureCode,
    sourceUnitIds: [b.departmentId],
    targetUnitIds: [c.departmentId],
    allottedWorkingHours: 2,
    status: 'accepted' as const,
    proposedBy: adminBUserId,
  };
  await withTenantPair(deps.sql, b.tenantId, async (tx, switchTo) => {
    await tx.insert(schema.handOverAgreements).values({ ...terms, tenantId: b.tenantId, party: 'source' });
    await switchTo(c.tenantId);
    await tx.insert(schema.handOverAgreements).values({ ...terms, tenantId: c.tenantId, party: 'target' });
  });
}

describe('publishing a chain of hand-overs', () => {
  it('is refused until B has its own agreement with C, naming the onward step, then published', async () => {
    const saved = await call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/processes`, {
      procedureCode: a.procedureCode,
      steps: chainSteps({ tenantId: c.tenantId, unitId: c.departmentId }),
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };
    const publish = () => call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/processes/${id}/publish`, undefined, { 'If-Match': '*' });
    const refused = await publish();
    expect(refused.status).toBe(400);
    const detail = await problemDetail(refused);
    expect(detail).toContain('Bước "Chuyển Sở tỉnh C": chưa có quy chế phối hợp được');
    expect(detail).toContain('giữa đơn vị gửi của');
    // The first link is covered: only the onward step is named.
    expect(detail).not.toContain('Chuyển Sở tỉnh khác');
    await agreeBToC();
    const published = await publish();
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published' });
  });

  it('refuses a draft that hands the dossier back into a province already in the chain', async () => {
    const saved = await call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/processes`, {
      procedureCode: a.procedureCode,
      steps: chainSteps({ tenantId: a.tenantId, unitId: a.communeId }),
    });
    expect(saved.status).toBe(400);
    expect(await problemDetail(saved)).toContain('Bước "Chuyển Sở tỉnh C": hồ sơ đã qua tỉnh này trong chuỗi liên thông; không được chuyển vòng trở lại');
  });
});
