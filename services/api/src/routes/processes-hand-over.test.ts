import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { ANY_REVISION, buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';
import { problemDetail, readProblem, type Problem } from '../testing/problem.js';

// Liên thông giữa hai tỉnh, design side: province A's designer lists province B's units and
// saves a process handing dossiers over to them; B's units are read in B's own tenant context.
const { deps, close } = createTestDeps();
const app = createApp(deps);
/** A seeded national procedure (services/db/data/catalog/procedures.json). */
const SEED_CODE = '1.005092';
let a: TenantWorld;
let b: TenantWorld;
let closedUnitId: string;
let admin: Session;
let specialist: Session;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  closedUnitId = randomUUID();
  await withTenant(deps.sql, b.tenantId, (tx) =>
    tx.insert(schema.orgUnits).values({
      tenantId: b.tenantId,
      id: closedUnitId,
      parentId: b.rootId,
      path: [b.rootId, closedUnitId],
      code: `DONG-${closedUnitId.slice(0, 4)}`,
      name: 'Phòng đã giải thể',
      kind: 'office',
      active: false,
    }),
  );
  [admin, specialist] = [await signIn(app, a.logins.province_admin), await signIn(app, a.logins.specialist)];
  const activated = await call(
    app,
    admin,
    'PUT',
    `/api/tenants/${a.tenantId}/procedure-settings/${SEED_CODE}`,
    {
      receivingUnitIds: [a.wardId],
      handlingUnitIds: [a.wardId],
    },
    { 'If-None-Match': '*' },
  );
  expect(activated.status).toBe(200);
});
afterAll(close);

const targets = (s: Session, province: string) => call(app, s, 'GET', `/api/tenants/${a.tenantId}/hand-over-targets?province=${province}`);

describe('GET /api/tenants/:tenantId/hand-over-targets', () => {
  it("lists the other province's active units, without personal data", async () => {
    const response = await targets(admin, b.tenantId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { province: { id: string }; items: Record<string, unknown>[] };
    expect(body.province.id).toBe(b.tenantId);
    expect(body.items.map((u) => u.id).sort()).toEqual([b.rootId, b.wardId, b.wardTeamId, b.departmentId].sort());
    for (const unit of body.items) expect(Object.keys(unit).sort()).toEqual(['code', 'id', 'kind', 'name']);
  });

  it('is refused to an officer who may not design processes', async () => {
    expect((await targets(specialist, b.tenantId)).status).toBe(403);
  });

  it('says in Vietnamese that an unknown province does not exist, and refuses a malformed one', async () => {
    const response = await targets(admin, randomUUID());
    expect(response.status).toBe(404);
    expect(await problemDetail(response)).toBe('Không tìm thấy tỉnh nhận liên thông.');
    expect((await targets(admin, 'tinh-b')).status).toBe(400);
  });
});

describe('saving a process that hands over to another province', () => {
  const base = { nationalStatus: 4, localStatus: 'processing', allowReturnToPrevious: false, allottedWorkingHours: 1 };
  const steps = (over: { targetTenantId?: string; segmentUnitId?: string } = {}) => [
    { ...base, key: 'receive', kind: 'receive', name: 'Tiếp nhận', role: 'reception_officer', orgUnitId: a.wardId, nationalStatus: 2 },
    {
      ...base,
      key: 'to-b',
      kind: 'hand_over',
      name: 'Chuyển Sở tỉnh B',
      role: 'specialist',
      orgUnitId: a.wardId,
      handOver: { direction: 'up', targetUnitId: b.departmentId, targetTenantId: over.targetTenantId ?? b.tenantId },
    },
    { ...base, key: 'b-approve', kind: 'approve', name: 'Sở tỉnh B phê duyệt', role: 'leader', orgUnitId: over.segmentUnitId ?? b.departmentId },
    {
      ...base,
      key: 'b-back',
      kind: 'hand_over',
      name: 'Chuyển trả',
      role: 'specialist',
      orgUnitId: b.departmentId,
      handOver: { direction: 'down', targetUnitId: a.wardId, targetTenantId: a.tenantId },
    },
    { ...base, key: 'return', kind: 'return_result', name: 'Trả kết quả', role: 'result_clerk', orgUnitId: a.wardId, nationalStatus: 9 },
  ];
  type Refusal = Problem & { problems: { stepKey: string; field: string }[] };
  // Each save may replace the open draft: these tests are about hand-over rules, not concurrent edits.
  const save = (body: unknown) => call(app, admin, 'POST', `/api/tenants/${a.tenantId}/processes`, { procedureCode: SEED_CODE, steps: body }, ANY_REVISION);

  it("accepts B's units in the segment, and refuses a unit of B that is closed", async () => {
    expect((await save(steps())).status).toBe(201);
    const refused = await save(steps({ segmentUnitId: closedUnitId }));
    expect(refused.status).toBe(400);
    expect(((await readProblem(refused)) as Refusal).problems.map((p) => [p.stepKey, p.field])).toEqual([['b-approve', 'orgUnitId']]);
  });

  it('refuses, naming the step, a province that does not exist', async () => {
    const refused = await save(steps({ targetTenantId: randomUUID() }));
    expect(refused.status).toBe(400);
    const error = (await readProblem(refused)) as Refusal;
    expect(error.problems.map((p) => [p.stepKey, p.field])).toEqual([['to-b', 'handOver.targetTenantId']]);
    expect(error.detail).toContain('Bước "Chuyển Sở tỉnh B": tỉnh nhận liên thông không tồn tại.');
  });
});
