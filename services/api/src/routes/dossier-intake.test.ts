import { randomUUID } from 'node:crypto';
import { vietnamDate } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, eventually, onlineBody } from '../testing/dossier-client.js';
import { PDF, type DossierWorld } from '../testing/dossier-world.js';
import { signIn } from '../testing/world.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { problemDetail } from '../testing/problem.js';

// Intake under retries and concurrency, counter intake with digitised papers, and file serving.
const suite = dossierSuite('intake', { poolSize: 12, worlds: [{ requiredComponent: false }] });
const { app, client, deps, s, taskQueue } = suite;
let w: DossierWorld;
let fresh: DossierWorld;

beforeAll(() => {
  ({ w } = suite);
  [fresh] = suite.others as [DossierWorld];
});

interface Submitted {
  dossierId: string;
  code: string;
  nationalStatus: number;
  replayed: boolean;
}
const files = { don: { name: 'don.pdf', bytes: PDF } };
const countByName = async (tenantId: string, name: string) =>
  (
    await withTenant(deps.sql, tenantId, (tx) =>
      tx
        .select({ id: schema.dossiers.id })
        .from(schema.dossiers)
        .where(and(eq(schema.dossiers.tenantId, tenantId), eq(schema.dossiers.applicantName, name))),
    )
  ).length;

describe('intake', () => {
  it('answers a retry with the same Idempotency-Key with the same dossier, and refuses the key for another request', async () => {
    const key = `retry-${randomUUID()}`;
    const body = onlineBody(w, { fullName: `Lê Thị Thử Lại ${randomUUID().slice(0, 4)}` });
    const first = await client.submit(s.citizen, w.tenantId, body, { key, files });
    const second = await client.submit(s.citizen, w.tenantId, body, { key, files });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    const [a, b] = [await client.json<Submitted>(first), await client.json<Submitted>(second)];
    expect(b).toMatchObject({ dossierId: a.dossierId, code: a.code, replayed: true });
    const changed = await client.submit(s.citizen, w.tenantId, { ...body, applicant: { ...body.applicant, fullName: 'Người Khác' } }, { key, files });
    expect(changed.status).toBe(409);
    expect((await client.submit(s.citizen, w.tenantId, body, { key: '', files })).status).toBe(400);
  });

  it('makes one dossier from ten concurrent identical submissions', async () => {
    const key = `burst-${randomUUID()}`;
    const name = `Phạm Văn Đồng Thời ${randomUUID().slice(0, 4)}`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => Promise.resolve(client.submit(s.citizen, w.tenantId, onlineBody(w, { fullName: name }), { key, files }))),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await client.json<Submitted>(r)).dossierId)));
    expect(ids.size).toBe(1);
    expect(await countByName(w.tenantId, name)).toBe(1);
  });

  it('numbers twenty concurrent submissions at one unit on one day 0001…0020 with no gap', async () => {
    const citizen = await signIn(app, fresh.logins.citizen);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => Promise.resolve(client.submit(citizen, fresh.tenantId, onlineBody(fresh, { fullName: `Công Dân ${i}` })))),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const codes = (await Promise.all(responses.map(async (r) => (await client.json<Submitted>(r)).code))).sort();
    const day = vietnamDate(Date.now()).slice(2).replaceAll('-', '');
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `${fresh.communeCode}-${day}-${String(i + 1).padStart(4, '0')}`));
    // Every start is delivered: the API starts and stamps what it can within its wait (in
    // batches) and the relay takes over what it left. How much each carries depends on the
    // machine's load, so it is not asserted here (the dossier benchmark measures it); a start
    // delivered twice is harmless, the workflow id being the dossier's.
    const o = schema.outbox;
    const starts = () =>
      withTenant(deps.sql, fresh.tenantId, (tx) =>
        tx
          .select({ dispatchedAt: o.dispatchedAt })
          .from(o)
          .where(and(eq(o.tenantId, fresh.tenantId), eq(o.topic, 'dossier.start'))),
      );
    const stamped = await eventually(starts, (rows) => rows.length === 20 && rows.every((r) => r.dispatchedAt !== null));
    expect(stamped).toHaveLength(20);
  });

  it('refuses a submission missing a required component, and a file that is not PDF, JPEG or PNG', async () => {
    const missing = await client.submit(s.citizen, w.tenantId, onlineBody(w), {});
    expect(missing.status).toBe(400);
    expect(await problemDetail(missing)).toContain('Thiếu thành phần hồ sơ: Đơn đề nghị');
    const html = await client.submit(s.citizen, w.tenantId, onlineBody(w), {
      files: { don: { name: 'don.pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script>') } },
    });
    expect(html.status).toBe(400);
    expect(await problemDetail(html)).toContain('không phải PDF, JPEG hoặc PNG');
  });

  it('records counter intake with the digitised papers, accepts it at once and serves the file only inside the province', async () => {
    const body = { procedureCode: w.procedureCode, channel: 'in_person', applicant: { fullName: 'Hoàng Thị Quầy', citizenId: '001190001111' } };
    const response = await client.submit(s.reception, w.tenantId, body, {
      files: { don: { name: 'đơn đề nghị.pdf', bytes: PDF }, cccd: { name: 'cccd.pdf', bytes: PDF } },
    });
    expect(response.status).toBe(201);
    const d = await client.json<Submitted>(response);
    expect(d.nationalStatus).toBe(2);
    type Detail = {
      dossier: { nationalStatus: number };
      files: { path: string; sha256: string; sizeBytes: number; fileName: string }[];
      openTasks: { stepKey: string }[];
    };
    const detail = await eventually(
      async () => client.json<Detail>(await client.get(s.specialist, `/api/tenants/${w.tenantId}/dossiers/${d.dossierId}`)),
      (x) => x.openTasks.some((t) => t.stepKey === 'process'),
    );
    expect(detail.files).toHaveLength(2);
    expect(detail.files[0]).toMatchObject({ sizeBytes: PDF.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    const download = await client.get(s.specialist, detail.files[0]!.path);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    // Another province's officer, and the same path under another province, are both refused.
    const outsider = await signIn(app, fresh.logins.reception);
    expect((await client.get(outsider, detail.files[0]!.path)).status).toBe(403);
    expect((await client.get(outsider, detail.files[0]!.path.replace(w.tenantId, fresh.tenantId))).status).toBe(404);
    const receipt = await client.get(s.reception, `/api/tenants/${w.tenantId}/dossiers/${d.dossierId}/receipt`);
    expect(await receipt.json()).toMatchObject({ form: '01', code: d.code, channelText: 'Trực tiếp tại Bộ phận một cửa' });
  });

  it('lets the relay start a workflow the API could not', async () => {
    const name = `Đỗ Văn Chuyển Tiếp ${randomUUID().slice(0, 4)}`;
    const broken = createTestDeps({ temporalAddress: '127.0.0.1:1', taskQueue });
    const response = await dossierClient(createApp(broken.deps)).submit(s.citizen, w.tenantId, onlineBody(w, { fullName: name }), { files });
    await broken.close();
    expect(response.status).toBe(201);
    const d = await client.json<Submitted & { workflowStarted: boolean }>(response);
    expect(d.workflowStarted).toBe(false);
    await eventually(
      async () => client.json<{ openTasks: { stepKey: string }[] }>(await client.get(s.reception, `/api/tenants/${w.tenantId}/dossiers/${d.dossierId}`)),
      (x) => x.openTasks.some((t) => t.stepKey === 'receive'),
      30_000,
    );
  });
});
