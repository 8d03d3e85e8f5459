import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { MS_PER_HOUR } from '@gov/calendar';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { ANY_REVISION, buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';
import { problemDetail, readProblem, type Problem } from '../testing/problem.js';

// Lấy ý kiến through the API: the designer's rules for a consultation step, and a request to a
// unit of another province, answered from that province's own copy (docs/domain/consultations.md).
const { deps, close } = createTestDeps();
const app = createApp(deps);
/** A seeded national procedure (services/db/data/catalog/procedures.json). */
const SEED_CODE = '1.005092';
let a: TenantWorld;
let b: TenantWorld;
let admin: Session;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  admin = await signIn(app, a.logins.province_admin);
  const activated = await call(
    app,
    admin,
    'PUT',
    `/api/tenants/${a.tenantId}/procedure-settings/${SEED_CODE}`,
    { receivingUnitIds: [a.wardId], handlingUnitIds: [a.wardId] },
    { 'If-None-Match': '*' },
  );
  expect(activated.status).toBe(200);
});
afterAll(close);

const userId = async (login: string) => (await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)))[0]!.id;

describe('saving a process with a consultation step', () => {
  // 2 + 4 + 2 working hours: the seeded procedure's 8-hour limit.
  const base = { nationalStatus: 4, localStatus: 'processing', allowReturnToPrevious: false, allottedWorkingHours: 2 };
  const steps = (units: unknown[]) => [
    { ...base, key: 'receive', kind: 'receive', name: 'Tiếp nhận', role: 'reception_officer', orgUnitId: a.wardId, nationalStatus: 2 },
    {
      ...base,
      key: 'ask',
      kind: 'process',
      name: 'Lấy ý kiến Sở và tỉnh B',
      allottedWorkingHours: 4,
      role: 'specialist',
      orgUnitId: a.wardId,
      consultation: { wait: 'deadline', units },
    },
    { ...base, key: 'return', kind: 'return_result', name: 'Trả kết quả', role: 'result_clerk', orgUnitId: a.wardId, nationalStatus: 9 },
  ];
  type Refusal = Problem & { problems: { stepKey: string; field: string; message: { vi: string } }[] };
  const save = (body: unknown) => call(app, admin, 'POST', `/api/tenants/${a.tenantId}/processes`, { procedureCode: SEED_CODE, steps: body }, ANY_REVISION);

  it("refuses another province's unit until an accepted agreement covers it, and a deadline longer than the step", async () => {
    const own = { orgUnitId: a.departmentId, workingHours: 2 };
    const other = { tenantId: b.tenantId, orgUnitId: b.wardId, workingHours: 4 };
    const refused = await save(steps([own, other, { orgUnitId: a.wardTeamId, workingHours: 6 }]));
    expect(refused.status).toBe(400);
    const [province] = await deps.db.select({ name: schema.tenants.name }).from(schema.tenants).where(eq(schema.tenants.id, b.tenantId));
    expect(((await readProblem(refused)) as Refusal).problems.map((p) => p.message.vi)).toEqual([
      `Bước "Lấy ý kiến Sở và tỉnh B": chưa có quy chế phối hợp được ${province!.name} chấp nhận cho đơn vị này và thủ tục này.`,
      'Bước "Lấy ý kiến Sở và tỉnh B": hạn trả lời 6 giờ làm việc vượt thời gian của bước (4 giờ làm việc).',
    ]);
    await withTenant(deps.sql, a.tenantId, async (tx) =>
      tx.insert(schema.handOverAgreements).values({
        tenantId: a.tenantId,
        id: randomUUID(),
        party: 'source',
        sourceTenantId: a.tenantId,
        targetTenantId: b.tenantId,
        procedureCode: SEED_CODE,
        sourceUnitIds: [a.wardId],
        targetUnitIds: [b.wardId],
        allottedWorkingHours: 8,
        status: 'accepted',
        proposedBy: await userId(a.logins.province_admin),
      }),
    );
    expect((await save(steps([own, other]))).status).toBe(201);
  });
});

describe('a request to a unit of another province', () => {
  const id = randomUUID();
  const dossierId = randomUUID();
  const requestedAt = new Date(Date.now() - 6 * MS_PER_HOUR);
  // The two copies the workflow's projection writes: the asker's and the consulted province's.
  beforeAll(async () => {
    const row = {
      id,
      askingTenantId: a.tenantId,
      consultedTenantId: b.tenantId,
      dossierId,
      dossierCode: 'A-0001',
      procedureCode: SEED_CODE,
      // A workflow that has ended: answering now is refused after every check.
      workflowId: `ended-${id}`,
      stepKey: 'ask',
      stepName: 'Lấy ý kiến',
      question: 'Đơn vị có ý kiến gì?',
      askingUnitId: a.wardId,
      consultedUnitId: b.wardId,
      requestedAt,
      dueAt: new Date(requestedAt.getTime() + 2 * MS_PER_HOUR),
      overdueAt: new Date(requestedAt.getTime() + 2 * MS_PER_HOUR),
    };
    await withTenant(deps.sql, a.tenantId, (tx) => tx.insert(schema.dossierConsultations).values({ ...row, tenantId: a.tenantId }));
    await withTenant(deps.sql, b.tenantId, (tx) => tx.insert(schema.dossierConsultations).values({ ...row, tenantId: b.tenantId }));
  });
  type Items = { items: { id: string; dossierId: string | null; late: boolean; question: string | null }[] };

  it("is in the consulted unit's inbox, without the asking province's dossier", async () => {
    const specialistB = await signIn(app, b.logins.specialist);
    const inbox = await call(app, specialistB, 'GET', `/api/tenants/${b.tenantId}/consultations/inbox`);
    expect(inbox.status).toBe(200);
    const body = (await inbox.json()) as Items;
    expect(body.items).toEqual([expect.objectContaining({ id, dossierId: null, late: true, question: 'Đơn vị có ý kiến gì?' })]);
    // The asking province's officers have nothing to answer: the request is not theirs.
    const specialistA = await signIn(app, a.logins.specialist);
    expect(((await (await call(app, specialistA, 'GET', `/api/tenants/${a.tenantId}/consultations/inbox`)).json()) as Items).items).toEqual([]);
  });

  it('is answered only from the consulted province, by an officer of the unit', async () => {
    const specialistA = await signIn(app, a.logins.specialist);
    const fromAsker = await call(app, specialistA, 'POST', `/api/tenants/${a.tenantId}/consultations/${id}/answer`, { answer: 'Đồng ý' });
    expect(fromAsker.status).toBe(404);
    const clerkB = await signIn(app, b.logins.result_clerk);
    const notTheirs = await call(app, clerkB, 'POST', `/api/tenants/${b.tenantId}/consultations/${id}/answer`, { answer: 'Đồng ý' });
    expect(notTheirs.status).toBe(403);
    const specialistB = await signIn(app, b.logins.specialist);
    const empty = await call(app, specialistB, 'POST', `/api/tenants/${b.tenantId}/consultations/${id}/answer`, { answer: '   ' });
    expect(empty.status).toBe(400);
    const ended = await call(app, specialistB, 'POST', `/api/tenants/${b.tenantId}/consultations/${id}/answer`, { answer: 'Đồng ý' });
    expect(ended.status).toBe(409);
    expect(await problemDetail(ended)).toBe('Hồ sơ đã kết thúc xử lý.');
  });

  it("shows as late to the asking unit, and is not in the consulted province's late list", async () => {
    const leaderA = await signIn(app, a.logins.leader);
    const late = await call(app, leaderA, 'GET', `/api/tenants/${a.tenantId}/consultations/late`);
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ total: 1, unanswered: 1, items: [{ id, dossierId, late: true }] });
    const leaderB = await signIn(app, b.logins.leader);
    expect(await (await call(app, leaderB, 'GET', `/api/tenants/${b.tenantId}/consultations/late`)).json()).toMatchObject({ total: 0 });
  });
});
