import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { PDF, pdfWith, type DossierWorld } from '../testing/dossier-world.js';
import { connEnv, type Session } from '../testing/world.js';
import { dossierSuite } from '../testing/dossier-suite.js';

// Files attached after intake (supplement, result) against the real worker: the supplement is
// only possible once the workflow has asked for one.
const suite = dossierSuite('dossier-files', { poolSize: 4, worlds: [{}] });
const { app, client, deps, s } = suite;
let w: DossierWorld;
let other: DossierWorld;
let dossierId: string;

beforeAll(async () => {
  ({ w } = suite);
  [other] = suite.others as [DossierWorld];
  const submitted = await client.submit(s.citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'don.pdf', bytes: PDF } } });
  expect(submitted.status).toBe(201);
  dossierId = (await client.json<{ dossierId: string }>(submitted)).dossierId;
});

type AnsweredFile = { id: string; purpose: string; componentCode: string; fileName: string; alreadyAttached: boolean; path: string };
type Answer = { files?: AnsweredFile[]; detail?: string };
const JPEG_AS_PDF = new TextEncoder().encode('<html><script>alert(1)</script></html>');
/** Another valid PDF: different bytes, so a different file under the same field. */
const OTHER_PDF = pdfWith('corrected result');
function upload(who: Session | null, purpose: string, files: Record<string, { name: string; bytes: Uint8Array }>, tenantId = w.tenantId) {
  const form = new FormData();
  form.set('purpose', purpose);
  for (const [field, file] of Object.entries(files)) form.append(field, new File([new Uint8Array(file.bytes)], file.name));
  const headers: Record<string, string> = who ? { Cookie: who.cookie, 'X-CSRF-Token': who.csrf } : {};
  return app.request(`/api/tenants/${tenantId}/dossiers/${dossierId}/files`, { method: 'POST', headers, body: form }, connEnv('203.0.113.60'));
}
const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as Answer });
const pdf = { 'bo-sung': { name: 'ban-sao-cccd.pdf', bytes: PDF } };
const nationalStatus = async () =>
  (await client.json<{ dossier: { nationalStatus: number } }>(await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${dossierId}`))).dossier
    .nationalStatus;
const kinds = (files: AnsweredFile[]) => files.map((f) => ({ purpose: f.purpose, componentCode: f.componentCode, alreadyAttached: f.alreadyAttached }));
/** What is stored, read under the tenant like the app does. */
const fileRows = (purpose: 'intake' | 'supplement' | 'result') =>
  withTenant(deps.sql, w.tenantId, (tx) =>
    tx
      .select()
      .from(schema.dossierFiles)
      .where(and(eq(schema.dossierFiles.tenantId, w.tenantId), eq(schema.dossierFiles.dossierId, dossierId), eq(schema.dossierFiles.purpose, purpose))),
  );
const auditRows = (action: string) =>
  withTenant(deps.sql, w.tenantId, (tx) =>
    tx
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tenantId, w.tenantId), eq(schema.auditLog.subjectId, dossierId), eq(schema.auditLog.action, action))),
  );

describe('supplement files', () => {
  it('are refused before a supplement is requested, and to anyone but the applicant', async () => {
    expect((await answer(await upload(s.citizen, 'supplement', pdf))).status).toBe(409);
    const response = await client.act(s.reception, w.tenantId, dossierId, 'requestSupplement', {
      reason: 'Thiếu bản sao căn cước',
      items: ['Bản sao căn cước công dân'],
    });
    expect(response.status).toBe(200);
    await eventually(nationalStatus, (status) => status === 5);

    expect((await upload(null, 'supplement', pdf)).status).toBe(401);
    const stranger = await answer(await upload(s.otherCitizen, 'supplement', pdf));
    expect(stranger).toMatchObject({ status: 403, body: { detail: 'Hồ sơ này không do tài khoản của bạn nộp.' } });
    expect((await upload(s.reception, 'supplement', pdf)).status).toBe(403);
    // The same dossier id under another province is not found there.
    expect((await upload(s.citizen, 'supplement', pdf, other.tenantId)).status).toBe(404);
    const disguised = await answer(await upload(s.citizen, 'supplement', { 'bo-sung': { name: 'scan.pdf', bytes: JPEG_AS_PDF } }));
    expect(disguised).toMatchObject({ status: 400, body: { detail: 'Tệp "scan.pdf" không phải PDF, JPEG hoặc PNG.' } });
    expect((await upload(s.citizen, 'supplement', {})).status).toBe(400);
    expect((await upload(s.citizen, 'other', pdf)).status).toBe(400);
    expect(await auditRows('dossier.supplement_files_attached')).toEqual([]);
  });

  it('are attached for the applicant, audited, readable by the officer, and then the supplement is submitted', async () => {
    const attached = await answer(await upload(s.citizen, 'supplement', pdf));
    expect(attached.status).toBe(201);
    expect(kinds(attached.body.files!)).toEqual([{ purpose: 'supplement', componentCode: 'bo-sung', alreadyAttached: false }]);
    expect((await fileRows('supplement')).map((f) => ({ id: f.id, componentCode: f.componentCode }))).toEqual([
      { id: attached.body.files![0]!.id, componentCode: 'bo-sung' },
    ]);
    const [row] = await auditRows('dossier.supplement_files_attached');
    expect(row!.details).toMatchObject({ purpose: 'supplement', files: [{ fileName: 'ban-sao-cccd.pdf', sizeBytes: PDF.byteLength }] });
    // Re-sent after a network error: the file already there comes back, nothing is added or audited.
    const again = await answer(await upload(s.citizen, 'supplement', pdf));
    expect(again.status).toBe(200);
    expect(again.body.files!.map((f) => ({ id: f.id, alreadyAttached: f.alreadyAttached }))).toEqual([
      { id: attached.body.files![0]!.id, alreadyAttached: true },
    ]);
    expect(await fileRows('supplement')).toHaveLength(1);
    expect(await auditRows('dossier.supplement_files_attached')).toHaveLength(1);
    const detail = await client.json<{ files: AnsweredFile[] }>(await client.get(s.reception, `/api/tenants/${w.tenantId}/dossiers/${dossierId}`));
    expect(detail.files.map((f) => ({ purpose: f.purpose, componentCode: f.componentCode }))).toEqual([
      { purpose: 'intake', componentCode: 'don' },
      { purpose: 'supplement', componentCode: 'bo-sung' },
    ]);
    const download = await client.get(s.reception, attached.body.files![0]!.path);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    // The receipt (Form 01) still lists only what was handed in at intake.
    const receipt = (await (await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${dossierId}/receipt`)).json()) as {
      components: { files: { fileName: string }[] }[];
    };
    expect(receipt.components.flatMap((c) => c.files.map((f) => f.fileName))).toEqual(['don.pdf']);

    expect((await client.act(s.citizen, w.tenantId, dossierId, 'submitSupplement', { note: 'Đã bổ sung' })).status).toBe(200);
    await eventually(nationalStatus, (status) => status === 1);
    expect((await upload(s.citizen, 'supplement', pdf)).status).toBe(409);
  });
});

describe('result files', () => {
  it('are attached only by an officer who approves or returns results, and downloaded only by the applicant', async () => {
    const result = { 'ket-qua': { name: 'giay-xac-nhan.pdf', bytes: PDF } };
    expect((await upload(s.citizen, 'result', result)).status).toBe(403);
    expect((await upload(s.reception, 'result', result)).status).toBe(403);
    expect((await upload(s.specialist, 'result', result)).status).toBe(403);
    const attached = await answer(await upload(s.clerk, 'result', result));
    expect(attached.status).toBe(201);
    expect(kinds(attached.body.files!)).toEqual([{ purpose: 'result', componentCode: 'ket-qua', alreadyAttached: false }]);
    expect(await auditRows('dossier.result_files_attached')).toHaveLength(1);

    const path = attached.body.files![0]!.path;
    const mine = await client.get(s.citizen, path);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('Content-Type')).toBe('application/pdf');
    expect((await client.get(s.otherCitizen, path)).status).toBe(403);
    expect((await client.get(null, path)).status).toBe(401);
  });

  it('are attached once however often the officer retries, while a different document for the same field is added', async () => {
    const result = { 'ket-qua': { name: 'giay-xac-nhan.pdf', bytes: PDF } };
    const [first] = await fileRows('result');
    // The dossier is not at the return step, so the return is refused after the upload (not this
    // officer's action now, or not in this state); the officer submits the return form again.
    expect([403, 409]).toContain((await client.act(s.clerk, w.tenantId, dossierId, 'returnResult', {})).status);
    const retried = await answer(await upload(s.clerk, 'result', { 'ket-qua': { name: 'renamed.pdf', bytes: PDF } }));
    expect(retried.status).toBe(200);
    expect(retried.body.files!.map((f) => ({ id: f.id, fileName: f.fileName, alreadyAttached: f.alreadyAttached }))).toEqual([
      { id: first!.id, fileName: 'giay-xac-nhan.pdf', alreadyAttached: true },
    ]);
    expect(await fileRows('result')).toHaveLength(1);
    expect(await auditRows('dossier.result_files_attached')).toHaveLength(1);

    // A corrected document for the same field is a new file; sent twice at once it is still one row
    // (when the two overlap, the second insert waits on the first and then skips it).
    const corrected = { 'ket-qua': { name: 'giay-xac-nhan-v2.pdf', bytes: OTHER_PDF } };
    const both = await Promise.all([upload(s.clerk, 'result', corrected), upload(s.clerk, 'result', corrected)].map(async (r) => answer(await r)));
    expect(both.map((b) => b.status).sort()).toEqual([200, 201]);
    expect(new Set(both.map((b) => b.body.files![0]!.id)).size).toBe(1);
    expect((await fileRows('result')).map((f) => f.fileName).sort()).toEqual(['giay-xac-nhan-v2.pdf', 'giay-xac-nhan.pdf']);
    expect(await auditRows('dossier.result_files_attached')).toHaveLength(2);
    // Mixed: the known file comes back as it was, only the new one is added.
    expect(kinds((await answer(await upload(s.clerk, 'result', { ...result, 'ban-sao': { name: 'ban-sao.pdf', bytes: PDF } }))).body.files!)).toEqual([
      { purpose: 'result', componentCode: 'ket-qua', alreadyAttached: true },
      { purpose: 'result', componentCode: 'ban-sao', alreadyAttached: false },
    ]);

    // The receipt (Form 01) is still what was handed in at intake.
    const receipt = (await (await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${dossierId}/receipt`)).json()) as {
      components: { files: { fileName: string }[] }[];
    };
    expect(receipt.components.flatMap((c) => c.files.map((f) => f.fileName))).toEqual(['don.pdf']);
    expect(await fileRows('intake')).toHaveLength(1);
  });
});

describe('OpenAPI document', () => {
  it('describes the attached files with their purpose and whether they were already attached', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, { post?: { responses?: Record<string, unknown> } }> };
    const responses = JSON.stringify(doc.paths['/api/tenants/{tenantId}/dossiers/{dossierId}/files']?.post?.responses ?? null);
    expect(responses).toContain('"purpose"');
    expect(responses).toContain('"alreadyAttached"');
  });
});
