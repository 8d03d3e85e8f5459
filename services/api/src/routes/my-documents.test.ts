import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlineBody } from '../testing/dossier-client.js';
import { pdfWith, type DossierWorld } from '../testing/dossier-world.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { connEnv, signIn, type Session } from '../testing/world.js';

// The citizen's data store (docs/domain/citizen-data-store.md) against the real app, database
// and file store: documents are kept at intake and when a result is attached, read only by
// their owner, reused in later submissions (copied into another province), and hidden.
const suite = dossierSuite('my-documents', { poolSize: 4, worlds: [{}] });
const { app, client, deps, s } = suite;
let w: DossierWorld;
let other: DossierWorld;
let otherReception: Session;
let first: { dossierId: string; code: string };
/** The submission to the other province, retried after its document was deleted. */
const crossProvince = { key: '', documentId: '', dossierId: '' };

type Doc = { id: string; tenantId: string; sourceDossierCode: string; componentName: string; fileName: string; kind: string; sha256: string };
type Page = { items: Doc[]; total: number };
type Detail = { files: { id: string; fileName: string; reusedFrom: string | null; path: string }[] };
const SCAN = pdfWith('giay khai sinh');
const RESULT = pdfWith('giay xac nhan');

const documents = async (who: Session) => client.json<Page>(await client.get(who, '/api/me/documents'));
const myDossierCount = async (who: Session) => (await client.json<{ total: number }>(await client.get(who, '/api/me/dossiers'))).total;
const hide = (who: Session | null, id: string) =>
  app.request(`/api/me/documents/${id}`, { method: 'DELETE', headers: who ? { Cookie: who.cookie, 'X-CSRF-Token': who.csrf } : {} }, connEnv('203.0.113.61'));
const reuseBody = (world: DossierWorld, reuse: Record<string, string[]>) => ({ ...onlineBody(world), reuse });
const detail = async (who: Session, world: DossierWorld, dossierId: string) =>
  client.json<Detail>(await client.get(who, `/api/tenants/${world.tenantId}/dossiers/${dossierId}`));

beforeAll(async () => {
  ({ w } = suite);
  [other] = suite.others as [DossierWorld];
  otherReception = await signIn(app, other.logins.reception);
  const submitted = await client.submit(s.citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'giay-khai-sinh.pdf', bytes: SCAN } } });
  expect(submitted.status).toBe(201);
  first = await client.json(submitted);
});

describe('the store keeps what a citizen handed in and what was issued to them', () => {
  it('lists a submitted file and a result to their owner only', async () => {
    const result = new FormData();
    result.set('purpose', 'result');
    result.append('ket-qua', new File([new Uint8Array(RESULT)], 'giay-xac-nhan.pdf'));
    const attached = await app.request(
      `/api/tenants/${w.tenantId}/dossiers/${first.dossierId}/files`,
      { method: 'POST', headers: { Cookie: s.clerk.cookie, 'X-CSRF-Token': s.clerk.csrf }, body: result },
      connEnv('203.0.113.60'),
    );
    expect(attached.status).toBe(201);

    const mine = await documents(s.citizen);
    expect(mine.total).toBe(2);
    expect(mine.items.map(({ kind, componentName, fileName, sourceDossierCode }) => ({ kind, componentName, fileName, sourceDossierCode }))).toEqual([
      { kind: 'result', componentName: 'Kết quả giải quyết', fileName: 'giay-xac-nhan.pdf', sourceDossierCode: first.code },
      { kind: 'submitted', componentName: 'Đơn đề nghị', fileName: 'giay-khai-sinh.pdf', sourceDossierCode: first.code },
    ]);
    expect(await documents(s.otherCitizen)).toMatchObject({ items: [], total: 0 });
    expect((await client.get(s.reception, '/api/me/documents')).status).toBe(403);
    expect((await client.get(null, '/api/me/documents')).status).toBe(401);
    // The province's officers do not see the rows even inside their own tenant transaction.
    const seenByProvince = await withTenant(deps.sql, w.tenantId, (tx) => tx.select().from(schema.citizenDocuments));
    expect(seenByProvince).toEqual([]);
  });

  it('serves a document’s bytes to its owner only', async () => {
    const scan = (await documents(s.citizen)).items.find((d) => d.kind === 'submitted')!;
    const download = await client.get(s.citizen, `/api/me/documents/${scan.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(SCAN);
    expect((await client.get(s.otherCitizen, `/api/me/documents/${scan.id}/content`)).status).toBe(404);
    expect((await client.get(s.reception, `/api/me/documents/${scan.id}/content`)).status).toBe(403);
  });
});

describe('reusing a stored document in a new submission', () => {
  it('files it in the same province without an upload; officers see where it came from and read it by the dossier’s rights', async () => {
    const scan = (await documents(s.citizen)).items.find((d) => d.kind === 'submitted')!;
    const submitted = await client.submit(s.citizen, w.tenantId, reuseBody(w, { don: [scan.id] }));
    expect(submitted.status).toBe(201);
    const { dossierId } = await client.json<{ dossierId: string }>(submitted);

    const { files } = await detail(s.reception, w, dossierId);
    expect(files.map(({ fileName, reusedFrom }) => ({ fileName, reusedFrom }))).toEqual([{ fileName: 'giay-khai-sinh.pdf', reusedFrom: first.code }]);
    const read = await client.get(s.reception, files[0]!.path);
    expect(read.status).toBe(200);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(SCAN);
    // An officer of the department, which does not hold the dossier, may not read it.
    expect((await client.get(s.deptSpecialist, files[0]!.path)).status).toBe(403);
    // Not added to the store a second time.
    expect((await documents(s.citizen)).total).toBe(2);
  });

  it('copies the bytes into another province’s folder, and a retry with the same key gets the same dossier', async () => {
    const scan = (await documents(s.citizen)).items.find((d) => d.kind === 'submitted')!;
    const key = `k-reuse-${first.dossierId}`;
    const sent = await client.submit(s.citizen, other.tenantId, reuseBody(other, { don: [scan.id] }), { key });
    expect(sent.status).toBe(201);
    const { dossierId } = await client.json<{ dossierId: string }>(sent);
    const again = await client.submit(s.citizen, other.tenantId, reuseBody(other, { don: [scan.id] }), { key });
    expect(again.status).toBe(200);
    expect(await client.json<{ dossierId: string }>(again)).toMatchObject({ dossierId });
    Object.assign(crossProvince, { key, documentId: scan.id, dossierId });

    const [row] = await withTenant(deps.sql, other.tenantId, (tx) =>
      tx
        .select()
        .from(schema.dossierFiles)
        .where(and(eq(schema.dossierFiles.tenantId, other.tenantId), eq(schema.dossierFiles.dossierId, dossierId))),
    );
    expect(row).toMatchObject({ storageKey: `${other.tenantId}/${scan.sha256}`, reusedFrom: first.code });
    expect(await deps.dossiers!.files.read(other.tenantId, row!.storageKey)).toEqual(Buffer.from(SCAN));
    const { files } = await detail(otherReception, other, dossierId);
    expect((await client.get(otherReception, files[0]!.path)).status).toBe(200);
    // The first province's officers cannot read the other province's dossier.
    expect((await client.get(s.reception, files[0]!.path)).status).toBe(403);
  });

  it('refuses another citizen’s document, and any reuse at the counter, and writes nothing', async () => {
    const scan = (await documents(s.citizen)).items.find((d) => d.kind === 'submitted')!;
    const before = await myDossierCount(s.otherCitizen);
    const refused = await client.submit(s.otherCitizen, w.tenantId, reuseBody(w, { don: [scan.id] }));
    expect(refused.status).toBe(404);
    expect(await client.json<{ detail: string }>(refused)).toMatchObject({ detail: `Không tìm thấy giấy tờ đã lưu ${scan.id} trong kho của bạn.` });
    expect(await myDossierCount(s.otherCitizen)).toBe(before);
    // At the counter there is no citizen's store to take from.
    const counter = await client.submit(s.reception, w.tenantId, { ...reuseBody(w, { don: [scan.id] }), channel: 'in_person' });
    expect(counter.status).toBe(403);
    expect(await client.json<{ detail: string }>(counter)).toMatchObject({ detail: 'Chỉ công dân nộp trực tuyến được dùng giấy tờ đã lưu.' });
  });
});

describe('deleting a stored document', () => {
  it('hides it from its owner only, audits it, and leaves the dossier’s copy; a later reuse is refused with nothing written', async () => {
    const scan = (await documents(s.citizen)).items.find((d) => d.kind === 'submitted')!;
    expect((await hide(s.otherCitizen, scan.id)).status).toBe(404);
    expect((await hide(null, scan.id)).status).toBe(401);
    const hidden = await hide(s.citizen, scan.id);
    expect(hidden.status).toBe(200);
    expect((await hide(s.citizen, scan.id)).status).toBe(404);
    expect((await documents(s.citizen)).items.map((d) => d.kind)).toEqual(['result']);
    expect((await client.get(s.citizen, `/api/me/documents/${scan.id}/content`)).status).toBe(404);
    const audited = await withTenant(deps.sql, w.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, w.tenantId), eq(schema.auditLog.subjectId, scan.id))),
    );
    expect(audited.map((a) => a.action)).toEqual(['citizen_document.hidden']);
    const { files } = await detail(s.reception, w, first.dossierId);
    expect((await client.get(s.reception, files.find((f) => f.fileName === 'giay-khai-sinh.pdf')!.path)).status).toBe(200);

    const before = await myDossierCount(s.citizen);
    const refused = await client.submit(s.citizen, w.tenantId, reuseBody(w, { don: [scan.id] }));
    expect(refused.status).toBe(409);
    expect(await client.json<{ detail: string }>(refused)).toMatchObject({
      detail: 'Giấy tờ "giay-khai-sinh.pdf" đã bị xóa khỏi kho của bạn; hãy tải tệp lên lại.',
    });
    expect(await myDossierCount(s.citizen)).toBe(before);
  });

  it('a retry of a submission made before the deletion still gets its dossier', async () => {
    const again = await client.submit(s.citizen, other.tenantId, reuseBody(other, { don: [crossProvince.documentId] }), { key: crossProvince.key });
    expect(again.status).toBe(200);
    expect(await client.json<{ dossierId: string }>(again)).toMatchObject({ dossierId: crossProvince.dossierId });
  });
});
