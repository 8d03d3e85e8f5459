import { randomBytes, randomUUID } from 'node:crypto';
import { FileStore } from '@gov/core';
import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps, TEST_ARCHIVE_DIR, TEST_FILES_DIR } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Archive and retention over HTTP (docs/domain/archive-and-retention.md): the province's archive
// period, and an archived dossier found by its code and read from archive storage. The archive
// run itself is tested in workflows/src/workflows/archive/archive-run.test.ts.
const { deps, close } = createTestDeps();
const app = createApp(deps);
const live = new FileStore(TEST_FILES_DIR);
const archive = new FileStore(TEST_ARCHIVE_DIR);
let own: TenantWorld;
let other: TenantWorld;
let admin: Session;
let clerk: Session;
let leader: Session;
let otherAdmin: Session;

/** A dossier at the ward closed in 2020, archived as the run leaves it: its file only in archive storage. */
async function archivedDossier(world: TenantWorld, o: { deleted?: boolean } = {}) {
  const bytes = randomBytes(48);
  const stored = await archive.put(world.tenantId, bytes);
  const id = randomUUID();
  const code = `LT-${id.slice(0, 8).toUpperCase()}`;
  const closedAt = new Date('2020-03-10T15:00:00+07:00');
  const fileId = await withTenant(deps.sql, world.tenantId, async (tx) => {
    const [procedure] = await tx
      .insert(schema.procedures)
      .values({
        code: `2.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        version: 1,
        name: 'Chứng thực bản sao',
        sector: 'Chứng thực',
        level: 'commune',
        channels: ['in_person'],
        processingTime: [{ channel: 'in_person', amount: 1, unit: 'working_days' }],
        onlineServiceLevel: 'partial',
        retentionYears: 5,
      })
      .returning({ id: schema.procedures.id });
    await tx.insert(schema.dossiers).values({
      tenantId: world.tenantId,
      id,
      code,
      procedureId: procedure!.id,
      channel: 'in_person',
      receivingUnitId: world.wardTeamId,
      currentUnitId: world.wardTeamId,
      applicantName: 'Lê Văn Lưu Trữ',
      nationalStatus: 10,
      localStatus: 'returned',
      receivedAt: new Date('2020-03-02T09:00:00+07:00'),
      dueAt: closedAt,
      finishedAt: closedAt,
      closedAt,
      returnedAt: closedAt,
      archivedAt: new Date('2021-04-01T01:00:00+07:00'),
      deletedAt: o.deleted ? new Date('2026-01-01T01:00:00+07:00') : null,
    });
    const [file] = await tx
      .insert(schema.dossierFiles)
      .values({ tenantId: world.tenantId, dossierId: id, componentCode: 'don', fileName: 'don.pdf', contentType: 'application/pdf', ...stored })
      .returning({ id: schema.dossierFiles.id });
    return file!.id;
  });
  return { id, code, fileId, bytes, key: stored.storageKey };
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  admin = await signIn(app, own.logins.province_admin);
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.31');
  leader = await signIn(app, own.logins.leader, '203.0.113.32');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.33');
});
afterAll(close);

describe('the archive period', () => {
  const path = () => `/api/tenants/${own.tenantId}/archive/settings`;

  it('starts at 12 months, and a province admin changes it with If-Match, audited', async () => {
    const read = await call(app, leader, 'GET', path());
    expect(read.status).toBe(200);
    expect(((await read.json()) as { archiveAfterMonths: number }).archiveAfterMonths).toBe(12);
    const etag = read.headers.get('ETag')!;
    expect((await call(app, admin, 'PUT', path(), { archiveAfterMonths: 24 })).status).toBe(428);
    const saved = await call(app, admin, 'PUT', path(), { archiveAfterMonths: 24 }, { 'If-Match': etag });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { archiveAfterMonths: number }).archiveAfterMonths).toBe(24);
    expect((await call(app, admin, 'PUT', path(), { archiveAfterMonths: 6 }, { 'If-Match': etag })).status).toBe(412);
    const audit = await withTenant(deps.sql, own.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, own.tenantId), eq(schema.auditLog.action, 'tenant.archive_settings_changed'))),
    );
    expect(audit.map((r) => r.details)).toEqual([{ archiveAfterMonths: 24, before: 12 }]);
  });

  it('refuses 0, 121 and a fraction with a Vietnamese message, and anyone but the province admin', async () => {
    const etag = (await call(app, admin, 'GET', path())).headers.get('ETag')!;
    for (const bad of [0, 121, 1.5]) {
      const response = await call(app, admin, 'PUT', path(), { archiveAfterMonths: bad }, { 'If-Match': etag });
      expect(response.status).toBe(400);
      expect((await readProblem(response)).errors?.[0]?.detail).toBe('số tháng từ 1 đến 120');
    }
    expect((await call(app, leader, 'PUT', path(), { archiveAfterMonths: 3 }, { 'If-Match': etag })).status).toBe(403);
    expect((await call(app, otherAdmin, 'PUT', path(), { archiveAfterMonths: 3 }, { 'If-Match': etag })).status).toBe(403);
  });
});

describe('an archived dossier', () => {
  it('is found by its code, opened, and its file read from archive storage', async () => {
    const a = await archivedDossier(own);
    expect(await live.sizeOf(own.tenantId, a.key)).toBeNull();
    const found = await call(app, clerk, 'GET', `/api/tenants/${own.tenantId}/dossier-codes/${a.code.toLowerCase()}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: a.id, code: a.code, nationalStatus: 10, archivedAt: '2021-03-31T18:00:00.000Z' });
    const opened = await call(app, clerk, 'GET', `/api/tenants/${own.tenantId}/dossiers/${a.id}`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { dossier: { archivedAt: string } }).dossier.archivedAt).toBe('2021-03-31T18:00:00.000Z');
    const file = await call(app, clerk, 'GET', `/api/tenants/${own.tenantId}/dossiers/${a.id}/files/${a.fileId}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(a.bytes)).toBe(true);
  });

  it('is not found by another province, nor once deleted after its retention', async () => {
    const a = await archivedDossier(own);
    expect((await call(app, otherAdmin, 'GET', `/api/tenants/${own.tenantId}/dossier-codes/${a.code}`)).status).toBe(403);
    expect((await call(app, otherAdmin, 'GET', `/api/tenants/${other.tenantId}/dossier-codes/${a.code}`)).status).toBe(404);
    const gone = await archivedDossier(own, { deleted: true });
    expect((await call(app, admin, 'GET', `/api/tenants/${own.tenantId}/dossier-codes/${gone.code}`)).status).toBe(404);
    expect((await call(app, admin, 'GET', `/api/tenants/${own.tenantId}/dossiers/${gone.id}`)).status).toBe(404);
    const bad = await call(app, admin, 'GET', `/api/tenants/${own.tenantId}/dossier-codes/${encodeURIComponent('a b')}`);
    expect(bad.status).toBe(400);
  });
});
