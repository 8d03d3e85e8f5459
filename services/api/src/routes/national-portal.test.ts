import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// The national portal's dead-letter list and replay over HTTP (the sync itself is tested against
// the portal stand-in in the workflows package).
const { deps, close } = createTestDeps();
const app = createApp(deps);
let own: TenantWorld;
let admin: Session;
let ministry: Session;
const q = schema.portalSyncOutbox;

/** A dossier whose first record is dead and whose next two wait behind it; the third was never queued. */
async function dossierWithDeadLetter(): Promise<{ dossierId: string; code: string; deadId: string }> {
  return withTenant(deps.sql, own.tenantId, async (tx) => {
    const [procedure] = await tx.select({ id: schema.procedures.id }).from(schema.procedures).limit(1);
    const dossierId = randomUUID();
    const code = `CDV-${dossierId.slice(0, 8)}`;
    await tx.insert(schema.dossiers).values({
      tenantId: own.tenantId,
      id: dossierId,
      code,
      procedureId: procedure!.id,
      channel: 'online',
      receivingUnitId: own.wardTeamId,
      currentUnitId: own.wardTeamId,
      applicantName: 'Trần Thị Đồng Bộ',
      nationalStatus: 4,
      localStatus: 'process',
      receivedAt: new Date(),
    });
    const record = (status: number) => ({
      tenantId: own.tenantId,
      dossierId,
      seq: status === 4 ? 3 : status,
      nationalStatus: status,
      payload: { changedAt: '2026-03-02T02:00:00.000Z' },
    });
    const [dead] = await tx
      .insert(q)
      .values({ ...record(1), attempts: 12, lastError: '99: Hệ thống đang bận', deadAt: new Date() })
      .returning({ id: q.id });
    await tx.insert(q).values([record(2), record(4)]);
    return { dossierId, code, deadId: dead!.id };
  });
}

beforeAll(async () => {
  own = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  admin = await signIn(app, own.logins.province_admin, '203.0.113.60');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.61');
});
afterAll(close);

const deadLetters = () => `/api/tenants/${own.tenantId}/national-portal/dead-letters`;

describe('national portal dead letters', () => {
  it('lists a dead record with the records held behind it, and a replay queues it again once, audited', async () => {
    const { dossierId, code, deadId } = await dossierWithDeadLetter();
    const listed = await call(app, ministry, 'GET', deadLetters());
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: Record<string, unknown>[] };
    const item = items.find((i) => i.id === deadId);
    expect(item).toMatchObject({ dossierId, dossierCode: code, seq: 1, nationalStatus: 1, attempts: 12, lastError: '99: Hệ thống đang bận', heldBehind: 2 });
    // The applicant's name the record carries is not for this list.
    expect(JSON.stringify(item)).not.toContain('Đồng Bộ');

    const replayed = await call(app, admin, 'POST', `${deadLetters()}/${deadId}/replay`);
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toEqual({ id: deadId, dossierId, seq: 1 });
    const [row] = await withTenant(deps.sql, own.tenantId, (tx) =>
      tx
        .select()
        .from(q)
        .where(and(eq(q.tenantId, own.tenantId), eq(q.id, deadId))),
    );
    expect(row).toMatchObject({ attempts: 0, deadAt: null, dispatchedAt: null });
    const after = (await (await call(app, admin, 'GET', deadLetters())).json()) as { items: { id: string }[] };
    expect(after.items.map((i) => i.id)).not.toContain(deadId);
    const audited = await withTenant(deps.sql, own.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, own.tenantId), eq(schema.auditLog.subjectId, deadId))),
    );
    expect(audited.map((a) => a.action)).toEqual(['portal_sync.replay']);

    const again = await call(app, admin, 'POST', `${deadLetters()}/${deadId}/replay`);
    expect(again.status).toBe(404);
    expect((await readProblem(again)).detail).toBe('Không có bản ghi đồng bộ bị dừng này (có thể đã được gửi lại).');
  });

  it('refuses a malformed id with a 400 in Vietnamese, and ministry oversight may read but not replay', async () => {
    const bad = await call(app, admin, 'POST', `${deadLetters()}/not-an-id/replay`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await readProblem(bad))).toContain('Mã định danh không hợp lệ');
    const { deadId } = await dossierWithDeadLetter();
    expect((await call(app, ministry, 'POST', `${deadLetters()}/${deadId}/replay`)).status).toBe(403);
  });
});
