import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, eventually, onlineBody } from '../testing/dossier-client.js';
import { startDossierRuntime } from '../testing/dossier-runtime.js';
import { addProvinceAdmin, buildDossierWorld, interProvinceSteps, PDF, type DossierWorld } from '../testing/dossier-world.js';
import { call, signIn, type Session } from '../testing/world.js';
import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { problemDetail } from '../testing/problem.js';

// Liên thông giữa hai tỉnh: province A's commune hands a dossier to province B's department,
// whose officers work on B's own copy, under B's row-level security, then hand it back. A's
// designer saves and publishes that process through the API, picking B's units — once B's admin
// accepted A's agreement (quy chế phối hợp); withdrawing it stops the next hand-over at once.
const taskQueue = `api-inter-province-${randomUUID()}`;
const { deps, close } = createTestDeps({ taskQueue, poolSize: 6 });
const app = createApp(deps);
const client = dossierClient(app);
let a: DossierWorld;
let b: DossierWorld;
let runtime: Awaited<ReturnType<typeof startDossierRuntime>>;
let adminA: Session;
let adminB: Session;
let agreementId: string;
type Who = `a.${keyof DossierWorld['logins']}` | `b.${keyof DossierWorld['logins']}`;
const s = {} as Record<Who, Session>;

beforeAll(async () => {
  [a, b] = [await buildDossierWorld(deps, inject('ownerDatabaseUrl')), await buildDossierWorld(deps, inject('ownerDatabaseUrl'))];
  [adminA, adminB] = [await signIn(app, await addProvinceAdmin(deps.sql, a)), await signIn(app, await addProvinceAdmin(deps.sql, b))];
  const saved = await call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/processes`, { procedureCode: a.procedureCode, steps: interProvinceSteps(a, b) });
  const draft = (await saved.json()) as { id: string; version: number };
  expect({ status: saved.status, draft }).toMatchObject({ status: 201, draft: { version: 2 } });
  const publish = () => call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/processes/${draft.id}/publish`, undefined, { 'If-Match': '*' });
  // No agreement yet: refused, naming the hand-over step, in Vietnamese.
  const refused = await publish();
  expect(refused.status).toBe(400);
  expect(await problemDetail(refused)).toContain('Bước "Chuyển Sở tỉnh khác": chưa có quy chế phối hợp được');
  agreementId = await propose(16);
  // Proposed is not accepted.
  expect((await publish()).status).toBe(400);
  expect((await decide(adminB, b, agreementId, 'accept')).status).toBe(200);
  const published = await publish();
  expect(await published.json()).toMatchObject({ status: 'published', version: 2 });
  runtime = await startDossierRuntime({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
    taskQueue,
    tenantIds: () => [a.tenantId, b.tenantId],
  });
  for (const [prefix, world] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const [name, login] of Object.entries(world.logins)) s[`${prefix}.${name}` as Who] = await signIn(app, login);
  }
});
/** A proposes to B: A's commune → B's department, for A's procedure. */
async function propose(allottedWorkingHours: number): Promise<string> {
  const response = await call(app, adminA, 'POST', `/api/tenants/${a.tenantId}/hand-over-agreements`, {
    targetTenantId: b.tenantId,
    procedureCode: a.procedureCode,
    sourceUnitIds: [a.communeId],
    targetUnitIds: [b.departmentId],
    allottedWorkingHours,
    note: 'Phối hợp thẩm định',
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
const decide = (who: Session, world: DossierWorld, id: string, verb: 'accept' | 'refuse' | 'withdraw', reason?: string) =>
  call(app, who, 'POST', `/api/tenants/${world.tenantId}/hand-over-agreements/${id}/${verb}`, reason ? { reason } : {});
interface Listed {
  id: string;
  party: string;
  status: string;
  handedOver: number;
  sourceProvince: { id: string };
}
const agreements = async (who: Session, world: DossierWorld) =>
  ((await (await call(app, who, 'GET', `/api/tenants/${world.tenantId}/hand-over-agreements`)).json()) as { items: Listed[] }).items;

afterAll(async () => {
  await runtime?.close();
  await close();
});

interface View {
  step: { key: string };
  nationalStatus: number;
}
interface Detail {
  dossier: { code: string };
  allowedActions: string[];
}

const act = async (who: Who, world: DossierWorld, dossierId: string, action: string, body: Record<string, unknown> = {}, status = 200) => {
  const response = await client.act(s[who], world.tenantId, dossierId, action, body);
  const payload = (await response.json()) as View & { detail?: string };
  expect({ status: response.status, payload }).toMatchObject({ status });
  return payload;
};
const detail = (who: Who, world: DossierWorld, dossierId: string) => client.get(s[who], `/api/tenants/${world.tenantId}/dossiers/${dossierId}`);

describe('a hand-over to another province', () => {
  it("is worked by the other province's officers on its own copy, then comes back and is returned", async () => {
    const submitted = await client.submit(s['a.citizen'], a.tenantId, onlineBody(a), { files: { don: { name: 'don.pdf', bytes: PDF } } });
    expect(submitted.status).toBe(201);
    const { dossierId, code } = await client.json<{ dossierId: string; code: string }>(submitted);
    await eventually(
      async () => (await detail('a.reception', a, dossierId)).json() as Promise<Detail>,
      (d) => d.allowedActions.includes('accept'),
    );
    await act('a.reception', a, dossierId, 'accept');
    await act('a.specialist', a, dossierId, 'forward');
    await act('a.specialist', a, dossierId, 'handOver', { note: 'Chuyển Sở tỉnh B' });

    // B's department sees its own copy, with the same code, and is offered its step.
    const copy = await eventually(
      async () => {
        const response = await detail('b.deptLeader', b, dossierId);
        return response.status === 200 ? ((await response.json()) as Detail) : null;
      },
      (d) => d !== null && d.allowedActions.includes('approve'),
    );
    expect(copy!.dossier.code).toBe(code);
    // A's own department leader holds no role in B: B's step is not theirs, even on A's row.
    await act('a.deptLeader', a, dossierId, 'approve', { signed: true }, 403);
    // And B's officers cannot read A's row (row-level security, another province).
    expect((await detail('b.deptLeader', a, dossierId)).status).toBe(403);

    expect((await act('b.deptLeader', b, dossierId, 'approve', { signed: true })).step.key).toBe('back-to-commune');
    await act('b.deptSpecialist', b, dossierId, 'handOver', { note: 'Trả về xã tỉnh A' });

    await eventually(
      async () => (await detail('a.clerk', a, dossierId)).json() as Promise<Detail>,
      (d) => d.allowedActions.includes('returnResult'),
    );
    const returned = await act('a.clerk', a, dossierId, 'returnResult', { method: 'online' });
    expect(returned.nationalStatus).toBe(10);
  });
});

/** A dossier of A's procedure, submitted online and brought to the hand-over step. */
async function atHandOver(): Promise<string> {
  const submitted = await client.submit(s['a.citizen'], a.tenantId, onlineBody(a), { files: { don: { name: 'don.pdf', bytes: PDF } } });
  expect(submitted.status).toBe(201);
  const { dossierId } = await client.json<{ dossierId: string }>(submitted);
  await eventually(
    async () => (await detail('a.reception', a, dossierId)).json() as Promise<Detail>,
    (d) => d.allowedActions.includes('accept'),
  );
  await act('a.reception', a, dossierId, 'accept');
  await act('a.specialist', a, dossierId, 'forward');
  return dossierId;
}

const auditActions = (tenantId: string, subjectId: string) =>
  withTenant(deps.sql, tenantId, async (tx) =>
    (
      await tx
        .select({ action: schema.auditLog.action })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, tenantId), eq(schema.auditLog.subjectId, subjectId)))
    ).map((r) => r.action),
  );

describe('inter-province agreements (quy chế phối hợp)', () => {
  it('are seen, with their use, by both provinces and by nobody else, and audited in both', async () => {
    expect((await agreements(adminA, a)).find((x) => x.id === agreementId)).toMatchObject({
      party: 'source',
      status: 'accepted',
      sourceProvince: { id: a.tenantId },
    });
    const seenByB = (await agreements(adminB, b)).find((x) => x.id === agreementId);
    expect(seenByB).toMatchObject({ party: 'target', status: 'accepted' });
    expect(seenByB!.handedOver).toBeGreaterThanOrEqual(1);
    // A third province is party to nothing: it neither lists nor acts on the agreement.
    const c = await buildDossierWorld(deps, inject('ownerDatabaseUrl'));
    const adminC = await signIn(app, await addProvinceAdmin(deps.sql, c));
    expect(await agreements(adminC, c)).toEqual([]);
    expect((await decide(adminC, c, agreementId, 'withdraw')).status).toBe(404);
    expect((await decide(adminC, b, agreementId, 'withdraw')).status).toBe(403);
    for (const tenantId of [a.tenantId, b.tenantId]) {
      expect((await auditActions(tenantId, agreementId)).sort()).toEqual(['hand_over_agreement.accepted', 'hand_over_agreement.proposed']);
    }
  });

  it('are accepted or refused only by the receiving province, once', async () => {
    const id = await propose(16);
    expect((await decide(adminA, a, id, 'accept')).status).toBe(403);
    const refused = await decide(adminB, b, id, 'refuse', 'Chưa đủ nhân lực');
    expect(await refused.json()).toEqual({ id, status: 'refused' });
    expect((await agreements(adminA, a)).find((x) => x.id === id)).toMatchObject({ status: 'refused', handedOver: 0 });
    const again = await decide(adminB, b, id, 'accept');
    expect(again.status).toBe(409);
    expect(await problemDetail(again)).toContain('đã bị từ chối');
    expect(await auditActions(a.tenantId, id)).toContain('hand_over_agreement.refused');
  });

  it('once withdrawn, refuse the next hand-over, which never reaches the other province, and let a running one finish', async () => {
    const running = await atHandOver();
    await act('a.specialist', a, running, 'handOver', { note: 'Chuyển Sở tỉnh B' });
    await eventually(
      async () => {
        const response = await detail('b.deptLeader', b, running);
        return response.status === 200 ? ((await response.json()) as Detail) : null;
      },
      (d) => d !== null && d.allowedActions.includes('approve'),
    );
    const waiting = await atHandOver();
    const before = (await agreements(adminB, b)).find((x) => x.id === agreementId)!.handedOver;
    // The first dossier and this one.
    expect(before).toBe(2);

    expect(await (await decide(adminB, b, agreementId, 'withdraw', 'Hết thời hạn phối hợp')).json()).toEqual({ id: agreementId, status: 'withdrawn' });
    expect((await agreements(adminA, a)).find((x) => x.id === agreementId)).toMatchObject({ status: 'withdrawn' });

    const refused = await client.act(s['a.specialist'], a.tenantId, waiting, 'handOver', { note: 'Chuyển Sở tỉnh B' });
    expect(refused.status).toBe(409);
    expect(await problemDetail(refused)).toBe(
      'Không thể chuyển liên thông sang tỉnh khác: chưa có quy chế phối hợp còn hiệu lực được tỉnh nhận chấp nhận cho thủ tục và đơn vị này.',
    );
    // Nothing of it in B: no copy of the dossier, no use of the agreement.
    const copies = await withTenant(deps.sql, b.tenantId, (tx) => tx.select().from(schema.dossiers).where(eq(schema.dossiers.id, waiting)));
    expect(copies).toEqual([]);
    expect((await agreements(adminB, b)).find((x) => x.id === agreementId)!.handedOver).toBe(before);
    // The refused dossier stays at its hand-over step in A.
    expect(((await (await detail('a.specialist', a, waiting)).json()) as Detail).allowedActions).toContain('handOver');

    // The dossier handed over before the withdrawal finishes its way through B and back.
    await act('b.deptLeader', b, running, 'approve', { signed: true });
    await act('b.deptSpecialist', b, running, 'handOver', { note: 'Trả về xã tỉnh A' });
    await eventually(
      async () => (await detail('a.clerk', a, running)).json() as Promise<Detail>,
      (d) => d.allowedActions.includes('returnResult'),
    );
    expect((await act('a.clerk', a, running, 'returnResult', { method: 'online' })).nationalStatus).toBe(10);
  });
});
