import { schema, withTenant, withTenantAsUser } from '@gov/db';
import { MAX_OPEN_DRAFTS } from '@gov/core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfWith, type DossierWorld } from '../testing/dossier-world.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { connEnv, type Session } from '../testing/world.js';

// Drafts of online submissions (docs/domain/dossier-drafts.md) against the real app, database
// and file store: only their owner reads them, across provinces; saves carry If-Match; files
// uploaded for a draft become stored documents; submitting goes through the idempotent intake
// and closes the draft in the same transaction; the number of open drafts is capped.
const suite = dossierSuite('my-drafts', { poolSize: 4, worlds: [{}] });
const { app, client, deps, s } = suite;
let w: DossierWorld;
let other: DossierWorld;

type Draft = { id: string; tenantId: string; procedureCode: string; revision: number; documents: Record<string, string[]>; form: Record<string, unknown> };
type Problem = { status: number; detail: string };
const SCAN = pdfWith('don de nghi ban nhap');
const APPLICANT = { fullName: 'Nguyễn Văn An', citizenId: '001090006789', email: 'an.nguyen@example.vn' };

const call = (who: Session | null, method: string, path: string, o: { json?: unknown; body?: FormData; headers?: Record<string, string> } = {}) =>
  app.request(
    path,
    {
      method,
      headers: {
        ...(who ? { Cookie: who.cookie, 'X-CSRF-Token': who.csrf } : {}),
        ...(o.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...o.headers,
      },
      body: o.body ?? (o.json !== undefined ? JSON.stringify(o.json) : undefined),
    },
    connEnv('203.0.113.71'),
  );
const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });
const create = (who: Session, world: DossierWorld, form: Record<string, unknown> = { applicant: APPLICANT }) =>
  call(who, 'POST', '/api/me/drafts', { json: { tenantId: world.tenantId, procedureCode: world.procedureCode, form } });
const created = async (who: Session, world: DossierWorld) => {
  const answer = await create(who, world);
  expect(answer.status).toBe(201);
  return client.json<Draft>(answer);
};
const list = async (who: Session) => client.json<{ items: (Draft & { provinceName: string })[]; limit: number }>(await call(who, 'GET', '/api/me/drafts'));
const upload = (who: Session, draftId: string, componentCode = 'don', name = 'don-de-nghi.pdf') => {
  const body = new FormData();
  body.set('componentCode', componentCode);
  body.set('file', new File([new Uint8Array(SCAN)], name));
  return call(who, 'POST', `/api/me/drafts/${draftId}/documents`, { body });
};
const save = (who: Session, draft: Draft, documents: Record<string, string[]>, revision = draft.revision) =>
  call(who, 'PUT', `/api/me/drafts/${draft.id}`, { json: { form: draft.form, documents }, headers: ifMatch(revision) });
const submit = (who: Session, draftId: string, revision: number) => call(who, 'POST', `/api/me/drafts/${draftId}/submit`, { headers: ifMatch(revision) });
const myDossierCount = async (who: Session) => (await client.json<{ total: number }>(await client.get(who, '/api/me/dossiers'))).total;

/** A draft with the applicant filled and a file uploaded for its one component, saved: ready to file. */
async function readyDraft(who: Session, world: DossierWorld): Promise<{ draft: Draft; documentId: string }> {
  const draft = await created(who, world);
  const stored = await upload(who, draft.id);
  expect(stored.status).toBe(201);
  const { id: documentId } = await client.json<{ id: string }>(stored);
  const saved = await save(who, draft, { don: [documentId] });
  expect(saved.status).toBe(200);
  return { draft: await client.json<Draft>(saved), documentId };
}

beforeAll(() => {
  ({ w } = suite);
  [other] = suite.others as [DossierWorld];
});

describe('only the owner reads and changes a draft, in every province', () => {
  it('lists a citizen’s drafts of two provinces to them, and to nobody else', async () => {
    const here = await created(s.citizen, w);
    const there = await created(s.citizen, other);
    const mine = await list(s.citizen);
    expect(mine.limit).toBe(MAX_OPEN_DRAFTS);
    expect(mine.items.map((d) => d.id)).toEqual(expect.arrayContaining([here.id, there.id]));
    expect(new Set(mine.items.map((d) => d.tenantId))).toEqual(new Set([w.tenantId, other.tenantId]));
    expect((await list(s.otherCitizen)).items.map((d) => d.id)).not.toContain(here.id);

    for (const draft of [here, there]) {
      expect((await call(s.otherCitizen, 'GET', `/api/me/drafts/${draft.id}`)).status).toBe(404);
      expect((await save(s.otherCitizen, draft, {})).status).toBe(404);
      expect((await submit(s.otherCitizen, draft.id, draft.revision)).status).toBe(404);
      expect((await upload(s.otherCitizen, draft.id)).status).toBe(404);
      expect((await call(s.otherCitizen, 'DELETE', `/api/me/drafts/${draft.id}`)).status).toBe(404);
    }
    expect((await call(s.reception, 'GET', '/api/me/drafts')).status).toBe(403);
    expect((await call(s.reception, 'GET', `/api/me/drafts/${here.id}`)).status).toBe(403);
    expect((await call(null, 'GET', '/api/me/drafts')).status).toBe(401);
    expect((await create(s.reception, w)).status).toBe(403);
    // The province's officers do not see the rows even inside their own tenant transaction.
    expect(await withTenant(deps.sql, w.tenantId, (tx) => tx.select().from(schema.dossierDrafts))).toEqual([]);
    // The owner's GET returns the draft with its revision as the ETag.
    const read = await call(s.citizen, 'GET', `/api/me/drafts/${there.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('ETag')).toBe('"1"');

    const deleted = await call(s.citizen, 'DELETE', `/api/me/drafts/${there.id}`);
    expect(deleted.status).toBe(200);
    expect((await call(s.citizen, 'GET', `/api/me/drafts/${there.id}`)).status).toBe(404);
    const audited = await withTenant(deps.sql, other.tenantId, (tx) =>
      tx
        .select({ action: schema.auditLog.action, details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, other.tenantId), eq(schema.auditLog.subjectId, there.id))),
    );
    expect(audited.map((a) => a.action)).toEqual(['dossier_draft.created', 'dossier_draft.deleted']);
    // The audit never holds the form (the applicant's CCCD number).
    expect(JSON.stringify(audited)).not.toContain(APPLICANT.citizenId);
  });

  it('refuses a procedure the province does not offer, and another citizen’s stored document', async () => {
    const refused = await call(s.citizen, 'POST', '/api/me/drafts', { json: { tenantId: w.tenantId, procedureCode: other.procedureCode } });
    expect(refused.status).toBe(404);
    const { documentId } = await readyDraft(s.citizen, w);
    const draft = await created(s.otherCitizen, w);
    const borrowed = await save(s.otherCitizen, draft, { don: [documentId] });
    expect(borrowed.status).toBe(404);
    expect(await client.json<Problem>(borrowed)).toMatchObject({ detail: `Không tìm thấy giấy tờ đã lưu ${documentId} trong kho của bạn (có thể đã bị xóa).` });
  });
});

describe('saving from two tabs', () => {
  it('needs the revision it starts from, and refuses a save based on an older one', async () => {
    const draft = await created(s.citizen, w);
    const first = await save(s.citizen, draft, {});
    expect(first.status).toBe(200);
    expect(first.headers.get('ETag')).toBe('"2"');
    const stale = await save(s.citizen, draft, {}, 1);
    expect(stale.status).toBe(412);
    const missing = await call(s.citizen, 'PUT', `/api/me/drafts/${draft.id}`, { json: { form: {}, documents: {} } });
    expect(missing.status).toBe(428);
    expect((await client.json<Draft>(await call(s.citizen, 'GET', `/api/me/drafts/${draft.id}`))).revision).toBe(2);
  });
});

describe('files uploaded for a draft', () => {
  it('become documents of the citizen’s store, with no dossier yet', async () => {
    const draft = await created(s.citizen, w);
    const stored = await upload(s.citizen, draft.id);
    expect(stored.status).toBe(201);
    const document = await client.json<{ id: string; kind: string; componentName: string }>(stored);
    expect(document).toMatchObject({ kind: 'uploaded', componentName: 'Đơn đề nghị' });
    const inStore = (
      await client.json<{ items: { id: string; kind: string; sourceDossierCode: string | null }[] }>(await client.get(s.citizen, '/api/me/documents'))
    ).items;
    expect(inStore.find((d) => d.id === document.id)).toMatchObject({ kind: 'uploaded', sourceDossierCode: null });
    expect((await upload(s.citizen, draft.id, 'khong-co')).status).toBe(400);
  });
});

describe('submitting a draft', () => {
  it('files one dossier through the intake however often it is sent, and closes the draft', async () => {
    const { draft } = await readyDraft(s.citizen, w);
    const before = await myDossierCount(s.citizen);
    const storeBefore = (await client.json<{ total: number }>(await client.get(s.citizen, '/api/me/documents'))).total;
    // A double click: two requests at once.
    const [a, b] = await Promise.all([submit(s.citizen, draft.id, draft.revision), submit(s.citizen, draft.id, draft.revision)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [first, second] = await Promise.all([client.json<{ dossierId: string }>(a), client.json<{ dossierId: string }>(b)]);
    expect(second.dossierId).toBe(first.dossierId);
    // A retry after a dropped answer: the same dossier again.
    const retry = await submit(s.citizen, draft.id, draft.revision);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await client.json<{ dossierId: string }>(retry)).dossierId).toBe(first.dossierId);
    expect(await myDossierCount(s.citizen)).toBe(before + 1);

    // The draft is closed with its dossier, and no longer listed, read or saved.
    expect((await list(s.citizen)).items.map((d) => d.id)).not.toContain(draft.id);
    expect((await call(s.citizen, 'GET', `/api/me/drafts/${draft.id}`)).status).toBe(404);
    expect((await save(s.citizen, draft, {})).status).toBe(404);
    const [owner] = await withTenant(deps.sql, w.tenantId, (tx) =>
      tx
        .select({ userId: schema.dossiers.applicantUserId })
        .from(schema.dossiers)
        .where(and(eq(schema.dossiers.tenantId, w.tenantId), eq(schema.dossiers.id, first.dossierId))),
    );
    const [closed] = await withTenantAsUser(deps.sql, w.tenantId, owner!.userId!, (tx) =>
      tx
        .select({ dossierId: schema.dossierDrafts.submittedDossierId })
        .from(schema.dossierDrafts)
        .where(and(eq(schema.dossierDrafts.tenantId, w.tenantId), eq(schema.dossierDrafts.id, draft.id))),
    );
    expect(closed).toEqual({ dossierId: first.dossierId });
    // The uploaded document is the dossier's file, and is not kept in the store a second time.
    const files = await withTenant(deps.sql, w.tenantId, (tx) =>
      tx
        .select({ fileName: schema.dossierFiles.fileName, reusedFrom: schema.dossierFiles.reusedFrom })
        .from(schema.dossierFiles)
        .where(and(eq(schema.dossierFiles.tenantId, w.tenantId), eq(schema.dossierFiles.dossierId, first.dossierId))),
    );
    expect(files).toEqual([{ fileName: 'don-de-nghi.pdf', reusedFrom: null }]);
    expect((await client.json<{ total: number }>(await client.get(s.citizen, '/api/me/documents'))).total).toBe(storeBefore);
  });

  it('refuses a submission based on an older revision, and files nothing', async () => {
    const { draft } = await readyDraft(s.citizen, w);
    const before = await myDossierCount(s.citizen);
    const stale = await submit(s.citizen, draft.id, draft.revision - 1);
    expect(stale.status).toBe(412);
    expect(await myDossierCount(s.citizen)).toBe(before);
    expect((await submit(s.citizen, draft.id, draft.revision)).status).toBe(201);
  });

  it('refuses a draft whose stored document was deleted meanwhile, in Vietnamese, with nothing half-made', async () => {
    const { draft, documentId } = await readyDraft(s.citizen, w);
    expect((await call(s.citizen, 'DELETE', `/api/me/documents/${documentId}`)).status).toBe(200);
    const before = await myDossierCount(s.citizen);
    const refused = await submit(s.citizen, draft.id, draft.revision);
    expect(refused.status).toBe(409);
    expect(await client.json<Problem>(refused)).toMatchObject({ detail: 'Giấy tờ "don-de-nghi.pdf" đã bị xóa khỏi kho của bạn; hãy tải tệp lên lại.' });
    expect(await myDossierCount(s.citizen)).toBe(before);
    // The draft is untouched: still open, at the same revision, to be fixed and filed.
    const kept = await client.json<Draft>(await call(s.citizen, 'GET', `/api/me/drafts/${draft.id}`));
    expect(kept).toMatchObject({ revision: draft.revision, documents: { don: [documentId] } });
  });

  it('refuses a draft without its required document, as the intake does, and leaves it open', async () => {
    const draft = await created(s.citizen, w);
    const refused = await submit(s.citizen, draft.id, draft.revision);
    expect(refused.status).toBe(400);
    expect((await client.json<Draft>(await call(s.citizen, 'GET', `/api/me/drafts/${draft.id}`))).revision).toBe(draft.revision);
  });
});

describe('the cap on open drafts', () => {
  it('refuses a draft past the cap with a clear 409, even when several are saved at once', async () => {
    const open = (await list(s.otherCitizen)).items.length;
    for (let i = open; i < MAX_OPEN_DRAFTS - 1; i++) await created(s.otherCitizen, i % 2 ? w : other);
    const racing = await Promise.all([create(s.otherCitizen, w), create(s.otherCitizen, other), create(s.otherCitizen, w)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const refused = await create(s.otherCitizen, other);
    expect(refused.status).toBe(409);
    expect(await client.json<Problem>(refused)).toMatchObject({
      detail: `Bạn đã có ${MAX_OPEN_DRAFTS} bản nháp, mức tối đa. Hãy nộp hoặc xóa bớt một bản nháp trong "Hồ sơ của tôi" rồi lưu lại.`,
    });
    expect((await list(s.otherCitizen)).items).toHaveLength(MAX_OPEN_DRAFTS);
  });
});
