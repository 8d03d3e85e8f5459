import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps, TEST_FILES_DIR } from '../test-deps.js';
import { dossierClient, onlineBody } from '../testing/dossier-client.js';
import { addProvinceAdmin, buildDossierWorld, PDF, pdfWith, type DossierWorld } from '../testing/dossier-world.js';
import { connEnv, signIn, type Session } from '../testing/world.js';

// Malformed bodies are the client's fault (4xx), wherever they are parsed, and a refused request
// leaves nothing behind, not even its files on disk.
const { deps, close } = createTestDeps({ poolSize: 4 });
const app = createApp(deps);
const client = dossierClient(app);
let w: DossierWorld;
let citizen: Session;
let admin: Session;
let dossierId: string;

beforeAll(async () => {
  w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'));
  citizen = await signIn(app, w.logins.citizen);
  admin = await signIn(app, await addProvinceAdmin(deps.sql, w));
  const submitted = await client.submit(citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'don.pdf', bytes: PDF } } });
  expect(submitted.status).toBe(201);
  dossierId = (await client.json<{ dossierId: string }>(submitted)).dossierId;
});
afterAll(close);

// Writes may overwrite any revision, so a body that passes validation really reaches the service.
const send = (who: Session | null, method: string, path: string, body: string, contentType: string) =>
  app.request(
    path,
    {
      method,
      headers: {
        'Content-Type': contentType,
        'Idempotency-Key': `k-${randomUUID()}`,
        'If-Match': '*',
        ...(who ? { Cookie: who.cookie, 'X-CSRF-Token': who.csrf } : {}),
      },
      body,
    },
    connEnv('203.0.113.40'),
  );
const JUNK_MULTIPART = ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{"a":1}\r\n--nope'] as const;
const NO_BOUNDARY = ['multipart/form-data', 'x'] as const;

describe('malformed bodies answer 4xx, not 500', () => {
  it.each([
    ['"{" as JSON', '{', 'application/json'],
    ['"x" as JSON', 'x', 'application/json'],
    ['junk multipart', JUNK_MULTIPART[1], JUNK_MULTIPART[0]],
    ['multipart without a boundary', NO_BOUNDARY[1], NO_BOUNDARY[0]],
  ])('intake with %s, anonymous and signed in', async (_, body, type) => {
    const path = `/api/tenants/${w.tenantId}/dossiers`;
    expect((await send(null, 'POST', path, body, type)).status).toBeOneOf([400, 401]);
    expect((await send(citizen, 'POST', path, body, type)).status).toBe(400);
  });

  it('junk multipart on a dossier’s files', async () => {
    const path = `/api/tenants/${w.tenantId}/dossiers/${dossierId}/files`;
    for (const [type, body] of [JUNK_MULTIPART, NO_BOUNDARY]) {
      expect((await send(citizen, 'POST', path, body, type)).status).toBe(400);
      expect((await send(null, 'POST', path, body, type)).status).toBeOneOf([400, 401]);
    }
  });

  it('a unit update with nothing to set, or with a NUL character in the name', async () => {
    const path = `/api/tenants/${w.tenantId}/org-units/${w.communeId}`;
    expect((await send(admin, 'PATCH', path, '{}', 'application/json')).status).toBe(400);
    expect((await send(admin, 'PATCH', path, JSON.stringify({ name: 'Phường\u0000 Mới' }), 'application/json')).status).toBe(400);
    expect((await send(admin, 'PATCH', path, JSON.stringify({ name: 'Phường Mới Đổi Tên' }), 'application/json')).status).toBe(200);
  });

  it('a submission with a NUL character in the form', async () => {
    const body = onlineBody(w, { fullName: 'Nguyễn\u0000 Văn' });
    expect((await client.submit(citizen, w.tenantId, body)).status).toBe(400);
  });
});

describe('refused intakes leave no files on disk', () => {
  const onDisk = (bytes: Uint8Array) =>
    stat(join(TEST_FILES_DIR, w.tenantId, createHash('sha256').update(bytes).digest('hex'))).then(
      () => true,
      () => false,
    );

  it('an idempotency conflict (409) and an unknown unit (400)', async () => {
    const key = `k-${randomUUID()}`;
    const first = pdfWith(randomUUID());
    expect((await client.submit(citizen, w.tenantId, onlineBody(w), { key, files: { don: { name: 'a.pdf', bytes: first } } })).status).toBe(201);
    expect(await onDisk(first)).toBe(true);

    const conflicting = pdfWith(randomUUID());
    expect(
      (await client.submit(citizen, w.tenantId, onlineBody(w, { fullName: 'Người Khác' }), { key, files: { don: { name: 'b.pdf', bytes: conflicting } } }))
        .status,
    ).toBe(409);
    expect(await onDisk(conflicting)).toBe(false);

    const unknownUnit = pdfWith(randomUUID());
    const body = { ...onlineBody(w), receivingUnitId: randomUUID() };
    expect((await client.submit(citizen, w.tenantId, body, { files: { don: { name: 'c.pdf', bytes: unknownUnit } } })).status).toBe(400);
    expect(await onDisk(unknownUnit)).toBe(false);
  });
});
