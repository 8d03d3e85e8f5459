import { randomBytes, randomUUID } from 'node:crypto';
import { addVietnamMonths, VIETNAM_TIME_ZONE, vietnamInstant } from '@gov/calendar';
import { createDb, schema as s, withTenant, withTenantAsUser, type Sql } from '@gov/db';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ARCHIVE_RUN_SCHEDULE_ID, ensureArchiveSchedule } from '../../archive-schedule.js';
import { bundleWorkflows } from '../../bundle.js';
import { createWorker } from '../../create-worker.js';
import { testArchiveStores } from '../../activities/archive/testing.js';
import { createDossierFixture, type DossierFixture } from '../../activities/dossier/testing.js';
import type { archiveRunWorkflow, ArchiveRunInput } from './archive-run-workflow.js';

// Real dev server and PostgreSQL. The run judges by the instant it is given, so years pass
// between two runs without waiting: the workflow reads no other clock.
let sql: Sql;
let f: DossierFixture;
let client: Client;
let worker: Worker;
let running: Promise<void>;
let connection: Connection;
const taskQueue = `archive-test-${randomUUID()}`;
const stores = testArchiveStores();

beforeAll(async () => {
  ({ sql } = createDb(inject('databaseUrl'), { max: 4 }));
  f = await createDossierFixture(sql, inject('ownerDatabaseUrl'));
  const native = await NativeConnection.connect({ address: inject('temporalAddress') });
  worker = await createWorker({
    connection: native,
    namespace: inject('temporalNamespace'),
    taskQueue,
    bundle: await bundleWorkflows(),
    db: createDb(inject('databaseUrl'), { max: 2 }).db,
    sql,
    stores,
  });
  running = worker.run();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: inject('temporalNamespace') });
});
afterAll(async () => {
  worker.shutdown();
  await running;
  await connection.close();
  await sql.end();
});

const run = (input: ArchiveRunInput) =>
  client.workflow.execute<typeof archiveRunWorkflow>('archiveRunWorkflow', {
    taskQueue,
    workflowId: `archive-run-test-${randomUUID()}`,
    args: [{ provinces: [f.tenantId], batchSize: 2, ...input }],
  });

/** A version of a catalog procedure with the given retention (null: permanent). */
async function procedureWith(retentionYears: 5 | null): Promise<{ id: string; code: string }> {
  const [row] = await sql<{ id: string; code: string }[]>`
    insert into procedures (code, version, name, sector, level, channels, processing_time, online_service_level, retention_years)
    values (${`2.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`}, 1, 'Thủ tục lưu trữ', 'Nội vụ', 'commune', '{online}',
      '[{"channel":"online","amount":5,"unit":"working_days"}]', 'full', ${retentionYears})
    returning id, code`;
  return row!;
}

/** A dossier closed at `closedAt` (or open), with one intake file holding `bytes`. */
async function dossierWithFile({ id: procedureId }: { id: string }, closedAt: Date | null, bytes: Uint8Array) {
  const id = randomUUID();
  const stored = await stores.live.put(f.tenantId, bytes);
  const fileId = randomUUID();
  const receivedAt = addVietnamMonths(closedAt ?? new Date(), -1);
  await withTenant(sql, f.tenantId, async (tx) => {
    await tx.insert(s.dossiers).values({
      tenantId: f.tenantId,
      id,
      code: `L-${id.slice(0, 8)}`,
      procedureId,
      channel: 'online',
      receivingUnitId: f.communeId,
      currentUnitId: f.communeId,
      applicantName: 'Trần Thị Lưu',
      applicantIdSuffix: '6789',
      applicantEmail: 'luu@example.vn',
      nationalStatus: closedAt ? 10 : 4,
      localStatus: closedAt ? 'returned' : 'processing',
      receivedAt,
      dueAt: closedAt,
      finishedAt: closedAt,
      closedAt,
      returnedAt: closedAt,
      formData: { ghi_chu: 'riêng tư' },
    });
    await tx.insert(s.dossierFiles).values({
      tenantId: f.tenantId,
      id: fileId,
      dossierId: id,
      componentCode: 'don',
      fileName: 'don.pdf',
      contentType: 'application/pdf',
      ...stored,
    });
  });
  return { id, fileId, key: stored.storageKey };
}

const dossiers = (ids: string[]) =>
  withTenant(sql, f.tenantId, (tx) =>
    tx
      .select()
      .from(s.dossiers)
      .where(and(eq(s.dossiers.tenantId, f.tenantId), inArray(s.dossiers.id, ids)))
      .orderBy(asc(s.dossiers.code)),
  );
const fileRows = (dossierId: string) =>
  withTenant(sql, f.tenantId, (tx) =>
    tx
      .select()
      .from(s.dossierFiles)
      .where(and(eq(s.dossierFiles.tenantId, f.tenantId), eq(s.dossierFiles.dossierId, dossierId))),
  );
const counts = () =>
  withTenant(sql, f.tenantId, (tx) =>
    tx
      .select()
      .from(s.dossierCounts)
      .where(eq(s.dossierCounts.tenantId, f.tenantId))
      .orderBy(asc(s.dossierCounts.span), asc(s.dossierCounts.day), asc(s.dossierCounts.procedureId)),
  );
const auditRows = (action: string) =>
  withTenant(sql, f.tenantId, (tx) =>
    tx
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.tenantId, f.tenantId), eq(s.auditLog.action, action)))
      .orderBy(asc(s.auditLog.seq)),
  );

describe('the archive run', () => {
  it('archives closed dossiers after the period, deletes them after retention (never permanent ones), idempotently, reports unchanged', async () => {
    const fiveYears = await procedureWith(5);
    const permanent = await procedureWith(null);
    const closedIn2020 = vietnamInstant('2020-03-10T15:00');
    const shared = randomBytes(64);
    // A: 5 years, its scan also filed with the open dossier D; B: permanent; C: closed lately.
    const a = await dossierWithFile(fiveYears, closedIn2020, shared);
    const b = await dossierWithFile(permanent, closedIn2020, randomBytes(64));
    const firstRun = vietnamInstant('2021-06-01');
    const c = await dossierWithFile(fiveYears, addVietnamMonths(firstRun, -1), randomBytes(64));
    const d = await dossierWithFile(fiveYears, null, shared);
    // The applicant kept A's file in their own store (a citizen document pointing at it).
    const aCitizenFile = await withTenantAsUser(sql, f.tenantId, f.citizen.userId, (tx) =>
      tx
        .insert(s.citizenDocuments)
        .values({
          tenantId: f.tenantId,
          ownerUserId: f.citizen.userId,
          sourceDossierId: a.id,
          sourceDossierCode: `L-${a.id.slice(0, 8)}`,
          sourceFileId: a.fileId,
          componentName: 'Đơn',
          fileName: 'don.pdf',
          contentType: 'application/pdf',
          sha256: a.key.split('/')[1]!,
          sizeBytes: 64,
          storageKey: a.key,
          kind: 'submitted',
        })
        .returning(),
    );
    expect(aCitizenFile).toHaveLength(1);

    // 2021-06-01: A and B closed 15 months ago (period 12), C one month ago, D open.
    expect(await run({ asOf: firstRun.toISOString() })).toMatchObject({ provinces: 1, archived: 2, deleted: 0 });
    const [ra, rb, rc, rd] = await dossiers([a.id, b.id, c.id, d.id]).then((rows) => [a, b, c, d].map((x) => rows.find((r) => r.id === x.id)!));
    expect([ra!.archivedAt, rb!.archivedAt]).toEqual([firstRun, firstRun]);
    expect([rc!.archivedAt, rd!.archivedAt]).toEqual([null, null]);
    // Both archived files are in archive storage; B's live copy went, A's stays (D and the citizen use it).
    expect(await stores.archive.sizeOf(f.tenantId, a.key)).toBe(64);
    expect(await stores.archive.sizeOf(f.tenantId, (await fileRows(b.id))[0]!.storageKey)).toBe(64);
    expect(await stores.live.sizeOf(f.tenantId, (await fileRows(b.id))[0]!.storageKey)).toBeNull();
    expect(await stores.live.sizeOf(f.tenantId, a.key)).toBe(64);
    expect((await auditRows('dossier.archived')).map((r) => r.subjectId).sort()).toEqual([a.id, b.id].sort());

    // The same instant again: nothing more to do.
    expect(await run({ asOf: firstRun.toISOString() })).toMatchObject({ archived: 0, deleted: 0 });

    // 31 December 2025: C is archived by now; A's five years (2021–2025) are not over yet.
    expect(await run({ asOf: vietnamInstant('2025-12-31T23:00').toISOString() })).toMatchObject({ archived: 1, deleted: 0 });

    // 2 January 2026: A's retention has ended; B is permanent; C's ends a year later.
    const before = await counts();
    const deletion = vietnamInstant('2026-01-02');
    expect(await run({ asOf: deletion.toISOString() })).toMatchObject({ archived: 0, deleted: 1 });
    const [da, db] = await dossiers([a.id, b.id]).then((rows) => [a, b].map((x) => rows.find((r) => r.id === x.id)!));
    expect(da).toMatchObject({ deletedAt: deletion, applicantName: '', applicantIdSuffix: null, applicantEmail: null, formData: {} });
    expect(db).toMatchObject({ deletedAt: null, applicantName: 'Trần Thị Lưu' });
    // Every report figure stands: the row's counted facts did not move.
    expect(await counts()).toEqual(before);
    // A's file row stays only because the citizen's stored document points at it; its bytes stay live.
    expect((await fileRows(a.id)).map((r) => r.id)).toEqual([a.fileId]);
    expect(await stores.live.sizeOf(f.tenantId, a.key)).toBe(64);
    const [record, ...more] = await auditRows('dossier.deleted_after_retention');
    expect(more).toEqual([]);
    expect(record).toMatchObject({ subjectType: 'Dossier', subjectId: a.id, actorUserId: null });
    expect(record!.details).toEqual({
      code: `L-${a.id.slice(0, 8)}`,
      procedureCode: fiveYears.code,
      retentionYears: 5,
      receivedAt: addVietnamMonths(closedIn2020, -1).toISOString(),
      closedAt: closedIn2020.toISOString(),
      archivedAt: firstRun.toISOString(),
    });
    expect(JSON.stringify(record!.details)).not.toMatch(/Trần|6789|luu@/);

    // Again: nothing is deleted twice, and the permanent dossier is still there years later.
    expect(await run({ asOf: vietnamInstant('2099-01-01').toISOString() })).toMatchObject({ deleted: 1 });
    expect((await dossiers([b.id]))[0]).toMatchObject({ deletedAt: null });
    expect((await auditRows('dossier.deleted_after_retention')).map((r) => r.subjectId)).toEqual([a.id, c.id]);
  });

  it('removes a deleted dossier’s archive copy once nothing points at it', async () => {
    const fiveYears = await procedureWith(5);
    const e = await dossierWithFile(fiveYears, vietnamInstant('2019-05-05'), randomBytes(32));
    expect(await run({ asOf: vietnamInstant('2020-06-01').toISOString() })).toMatchObject({ archived: 1 });
    expect(await stores.live.sizeOf(f.tenantId, e.key)).toBeNull();
    expect(await stores.archive.sizeOf(f.tenantId, e.key)).toBe(32);
    expect(await run({ asOf: vietnamInstant('2025-01-01').toISOString() })).toMatchObject({ deleted: 1 });
    expect(await fileRows(e.id)).toEqual([]);
    expect(await stores.archive.sizeOf(f.tenantId, e.key)).toBeNull();
  });
});

describe('the archive schedule', () => {
  it('is created once and found by every later worker', async () => {
    const handle = client.schedule.getHandle(ARCHIVE_RUN_SCHEDULE_ID);
    await handle.delete().catch(() => undefined);
    expect(await ensureArchiveSchedule(client, taskQueue)).toBe('created');
    expect(await ensureArchiveSchedule(client, taskQueue)).toBe('exists');
    const described = await handle.describe();
    expect(described.spec.calendars).toMatchObject([{ hour: [{ start: 1, end: 1 }], minute: [{ start: 0, end: 0 }] }]);
    expect(described.spec.timezone).toBe(VIETNAM_TIME_ZONE);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'archiveRunWorkflow', taskQueue });
    await handle.delete();
  });
});
