import { MS_PER_HOUR } from '@gov/calendar';
import { schema as s, withTenant } from '@gov/db';
import { actionUpdates } from '@gov/domain/contract';
import { spawnStandIns, type SpawnedStandIns } from '@gov/stand-ins';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTransports } from '../activities/notifications/transports.js';
import { startHarness, type Harness } from '../activities/dossier/test-harness.js';
import { communeSnapshot, createDossierFixture, type DossierFixture } from '../activities/dossier/testing.js';
import { nationalPortal } from '../portal/national-portal.js';
import { replayDeadLetters } from '../portal/replay-dead-letters.js';
import { reconcileNationalPortal } from '../portal/reconcile.js';
import { drainPortalSync, type PortalSyncOptions } from './portal-sync.js';
import { startOutboxRelay, type OutboxRelay } from './relay.js';

// The national portal sync over the network: a real worker and relay, the portal stand-in in its
// own process, switched to fail and down through its control port.
let h: Harness;
let f: DossierFixture;
let standIns: SpawnedStandIns;
let relay: OutboxRelay | undefined;
const SLOW = { msPerWorkingHour: MS_PER_HOUR }; // no deadline fires during these tests
const API_KEY = 'local-national-portal-key';

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  f = await createDossierFixture(h.sql, inject('ownerDatabaseUrl'));
  standIns = await spawnStandIns({
    env: { ...process.env, STAND_IN_PORTAL_API_KEY: API_KEY },
  });
});
afterEach(async () => {
  await relay?.stop();
  relay = undefined;
  await standIns.setMode('portal', 'ok');
});
afterAll(async () => {
  await standIns?.stop();
  await h?.close();
});

const portalOptions = (o: Partial<PortalSyncOptions> = {}): PortalSyncOptions => ({
  portal: nationalPortal({ url: standIns.portalUrl, apiKey: () => API_KEY }),
  maxAttempts: 1000,
  backoffMs: 20,
  maxBackoffMs: 200,
  ...o,
});

/** The worker's relay as `npm start` runs it, limited to this suite's province. */
function runRelay(o: Partial<PortalSyncOptions> = {}) {
  relay = startOutboxRelay({
    sql: h.sql,
    engine: { client: h.client, taskQueue: h.taskQueue },
    transports: createTransports({
      smtpUrl: standIns.smtpUrl,
      smsUrl: standIns.smsUrl,
      from: 'Một cửa thử nghiệm <khong-tra-loi@motcua.local>',
      smsBrandname: 'MOTCUA',
      zns: { url: standIns.znsUrl, accessToken: 'test-zns-token', oaAccessTokens: {}, templateIds: { '*': '900000' } },
      publicUrl: 'http://127.0.0.1:3000',
    }),
    intervalMs: 50,
    tenantIds: () => [f.tenantId],
    portal: portalOptions(o),
  });
}

const code = async (dossierId: string) => (await h.dossier(f.tenantId, dossierId)).code;
/** The statuses the portal stand-in received for one dossier, in arrival order. */
const arrived = async (dossierCode: string) => (await standIns.portal()).received.filter((r) => r.dossier_code === dossierCode).map((r) => r.status);
const queued = (dossierId: string) =>
  withTenant(h.sql, f.tenantId, (tx) =>
    tx
      .select()
      .from(s.portalSyncOutbox)
      .where(and(eq(s.portalSyncOutbox.tenantId, f.tenantId), eq(s.portalSyncOutbox.dossierId, dossierId)))
      .orderBy(asc(s.portalSyncOutbox.seq)),
  );

/** The operator's replay (`npm run portal:replay`): the dead record, and only it, goes back in the queue. */
async function replayDeadLetter(dossierId: string) {
  const dead = (await queued(dossierId)).find((r) => r.deadAt !== null)!;
  expect(await replayDeadLetters(h.sql, f.tenantId)).toContainEqual({ id: dead.id, dossierId, seq: dead.seq });
}

/** Accept and assign: the dossier goes 1 → 2 → 4. */
async function receiveAndAssign(handle: Awaited<ReturnType<Harness['startDossier']>>['handle']) {
  const o = f.officers;
  await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
  await handle.executeUpdate(actionUpdates.assign, { args: [{ actor: o.communeLeader, assigneeUserId: o.specialist.userId }] });
  await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
}

describe('national portal sync', () => {
  it("sends every status of a dossier's walkthrough, in order, with the record the portal requires", async () => {
    runRelay();
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const o = f.officers;
    await receiveAndAssign(handle);
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist, note: 'Đủ điều kiện' }] });
    await handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true }] });
    await handle.executeUpdate(actionUpdates.requestFee, { args: [{ actor: o.clerk, amountVnd: 50_000, description: 'Lệ phí' }] });
    await handle.executeUpdate(actionUpdates.recordPayment, { args: [{ actor: o.clerk, reference: 'VNPAY-1' }] });
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: o.clerk, method: 'online' }] });
    await handle.result();
    const dossierCode = await code(dossierId);
    const expected = [1, 2, 4, 9, 6, 9, 10];
    await h.eventually(
      () => arrived(dossierCode),
      (statuses) => statuses.length >= expected.length,
    );
    expect(await arrived(dossierCode)).toEqual(expected);
    const rows = await queued(dossierId);
    expect(rows.map((r) => [r.seq, r.nationalStatus, r.attempts, r.dispatchedAt !== null])).toEqual(expected.map((status, i) => [i + 1, status, 1, true]));

    const row = await h.dossier(f.tenantId, dossierId);
    const view = (await standIns.portal()).view;
    const [province] = await withTenant(h.sql, f.tenantId, (tx) => tx.select({ code: s.tenants.code }).from(s.tenants).where(eq(s.tenants.id, f.tenantId)));
    const [unit] = await withTenant(h.sql, f.tenantId, (tx) =>
      tx
        .select({ code: s.orgUnits.code })
        .from(s.orgUnits)
        .where(and(eq(s.orgUnits.tenantId, f.tenantId), eq(s.orgUnits.id, f.communeId))),
    );
    const held = view[`${province!.code}/${dossierCode}`];
    expect(held).toMatchObject({
      dossier_code: dossierCode,
      procedure_code: f.procedureCode,
      province_code: province!.code,
      unit_code: unit!.code,
      status: 10,
      channel: 'online',
      applicant_name: 'Nguyễn Văn A',
      received_at: row.receivedAt.toISOString(),
      due_at: row.dueAt!.toISOString(),
      finished_at: row.finishedAt!.toISOString(),
      returned_at: row.returnedAt!.toISOString(),
    });
  });

  it('loses and reorders nothing while the portal is down, and sends it all once it is back', async () => {
    runRelay();
    await standIns.setMode('portal', 'down');
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    await receiveAndAssign(handle);
    // The first record has failed at least twice (connection refused); the later ones wait behind it.
    const waiting = await h.eventually(
      () => queued(dossierId),
      (rows) => rows.length === 3 && rows[0]!.attempts >= 2,
    );
    expect(waiting.map((r) => [r.nationalStatus, r.dispatchedAt])).toEqual([
      [1, null],
      [2, null],
      [4, null],
    ]);
    expect(waiting[0]!.lastError).toMatch(/^unreachable/);
    expect(waiting.slice(1).map((r) => r.attempts)).toEqual([0, 0]);
    const dossierCode = await code(dossierId);
    expect(await arrived(dossierCode)).toEqual([]);

    await standIns.setMode('portal', 'ok');
    await h.eventually(
      () => arrived(dossierCode),
      (statuses) => statuses.length >= 3,
    );
    expect(await arrived(dossierCode)).toEqual([1, 2, 4]);
  });

  it("retries the portal's error answer until it accepts", async () => {
    runRelay();
    await standIns.setMode('portal', 'fail');
    const { dossierId } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const [failing] = await h.eventually(
      () => queued(dossierId),
      (rows) => rows[0] !== undefined && rows[0].attempts >= 2,
    );
    expect(failing!.lastError).toMatch(/^99: Hệ thống đang bận/);
    expect(failing!.dispatchedAt).toBeNull();
    await standIns.setMode('portal', 'ok');
    const [sent] = await h.eventually(
      () => queued(dossierId),
      (rows) => rows[0]?.dispatchedAt !== null,
    );
    expect(sent!.attempts).toBeGreaterThan(2);
    expect(sent!.lastError).toBeNull();
    expect(await arrived(await code(dossierId))).toEqual([1]);
  });
});

describe('dead letters and reconciliation', () => {
  it('puts a record on the dead-letter list after the last attempt, holds the later ones, and a replay delivers them in order', async () => {
    await standIns.setMode('portal', 'fail');
    const options = portalOptions({ maxAttempts: 3, backoffMs: 1, maxBackoffMs: 1 });
    const drain = () => drainPortalSync({ sql: h.sql, options, tenantIds: () => [f.tenantId] });
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    await receiveAndAssign(handle);
    await h.waitForEvents(f.tenantId, dossierId, 4);
    const dead = await h.eventually(
      async () => {
        await drain();
        return queued(dossierId);
      },
      (rows) => rows[0]?.deadAt !== null,
    );
    expect(dead.map((r) => [r.nationalStatus, r.attempts, r.deadAt !== null])).toEqual([
      [1, 3, true],
      [2, 0, false],
      [4, 0, false],
    ]);
    // Dead is dead: the portal is back, yet nothing of this dossier is sent until a replay.
    await standIns.setMode('portal', 'ok');
    await drain();
    const dossierCode = await code(dossierId);
    expect(await arrived(dossierCode)).toEqual([]);

    const report = await reconcileNationalPortal({ sql: h.sql, portal: options.portal, tenantId: f.tenantId });
    expect(report.differences).toContainEqual(expect.objectContaining({ dossierCode, ours: 4, portal: null, waiting: 3, dead: 1 }));

    await replayDeadLetter(dossierId);
    await h.eventually(
      async () => {
        await drain();
        return arrived(dossierCode);
      },
      (statuses) => statuses.length >= 3,
    );
    expect(await arrived(dossierCode)).toEqual([1, 2, 4]);
    const after = await reconcileNationalPortal({ sql: h.sql, portal: options.portal, tenantId: f.tenantId });
    expect(after.differences.map((d) => d.dossierCode)).not.toContain(dossierCode);
  });

  it('reports a dossier whose status the portal does not hold yet', async () => {
    const options = portalOptions();
    const drain = () => drainPortalSync({ sql: h.sql, options, tenantIds: () => [f.tenantId] });
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    await h.waitForEvents(f.tenantId, dossierId, 1);
    await drain();
    const dossierCode = await code(dossierId);
    expect(await arrived(dossierCode)).toEqual([1]);
    await standIns.setMode('portal', 'down');
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: f.officers.reception }] });
    await drain();
    await standIns.setMode('portal', 'ok');
    const report = await reconcileNationalPortal({ sql: h.sql, portal: options.portal, tenantId: f.tenantId });
    expect(report.differences).toContainEqual(expect.objectContaining({ dossierCode, ours: 2, portal: 1, waiting: 1, dead: 0 }));
  });
});
