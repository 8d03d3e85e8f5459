import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, eventually, onlineBody } from '../testing/dossier-client.js';
import { startDossierRuntime } from '../testing/dossier-runtime.js';
import { addProvinceAdmin, buildDossierWorld, interProvinceSteps, PDF, type DossierWorld } from '../testing/dossier-world.js';
import { call, signIn, type Session } from '../testing/world.js';

// Liên thông giữa hai tỉnh: province A's commune hands a dossier to province B's department,
// whose officers work on B's own copy, under B's row-level security, then hand it back. A's
// designer saves and publishes that process through the API, picking B's units.
const taskQueue = `api-inter-province-${randomUUID()}`;
const { deps, close } = createTestDeps({ taskQueue, poolSize: 6 });
const app = createApp(deps);
const client = dossierClient(app);
let a: DossierWorld;
let b: DossierWorld;
let runtime: Awaited<ReturnType<typeof startDossierRuntime>>;
type Who = `a.${keyof DossierWorld['logins']}` | `b.${keyof DossierWorld['logins']}`;
const s = {} as Record<Who, Session>;

beforeAll(async () => {
  [a, b] = [await buildDossierWorld(deps, inject('ownerDatabaseUrl')), await buildDossierWorld(deps, inject('ownerDatabaseUrl'))];
  const designer = await signIn(app, await addProvinceAdmin(deps.sql, a));
  const saved = await call(app, designer, 'POST', `/api/tenants/${a.tenantId}/processes`, { procedureCode: a.procedureCode, steps: interProvinceSteps(a, b) });
  const draft = (await saved.json()) as { id: string; version: number };
  expect({ status: saved.status, draft }).toMatchObject({ status: 201, draft: { version: 2 } });
  const published = await call(app, designer, 'POST', `/api/tenants/${a.tenantId}/processes/${draft.id}/publish`, undefined, {
    'If-Match': saved.headers.get('ETag')!,
  });
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
