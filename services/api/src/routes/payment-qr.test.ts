import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { crc16CcittFalse } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// The VietQR code of a pending fee over HTTP: for the applicant and the officers who may read the
// dossier, only while the fee is pending, naming the province's beneficiary account.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let own: TenantWorld;
let other: TenantWorld;
let citizen: Session;
let stranger: Session;
let clerk: Session;
let otherAdmin: Session;
let citizenId: string;
const procedureCode = `1.${randomUUID().slice(0, 6)}`;
const bareProcedureCode = `1.${randomUUID().slice(0, 6)}`;

/** A dossier of the citizen at the ward, with the fee events given (oldest first). */
async function dossierWith(events: { kind: 'fee_requested' | 'fee_paid'; content: Record<string, unknown> }[], code = procedureCode) {
  return withTenant(deps.sql, own.tenantId, async (tx) => {
    const [procedure] = await tx.select({ id: schema.procedures.id }).from(schema.procedures).where(eq(schema.procedures.code, code));
    const id = randomUUID();
    const dossierCode = `TT-${id.slice(0, 8).toUpperCase()}`;
    await tx.insert(schema.dossiers).values({
      tenantId: own.tenantId,
      id,
      code: dossierCode,
      procedureId: procedure!.id,
      channel: 'online',
      receivingUnitId: own.wardTeamId,
      currentUnitId: own.wardTeamId,
      applicantUserId: citizenId,
      applicantName: 'Trần Văn Nộp Phí',
      nationalStatus: 6,
      localStatus: 'awaiting_payment',
      receivedAt: new Date(),
    });
    const start = Date.now() - 60_000;
    for (const [i, event] of events.entries()) {
      await tx.insert(schema.dossierEvents).values({
        tenantId: own.tenantId,
        dossierId: id,
        eventKey: `${event.kind}-${i}`,
        kind: event.kind,
        content: event.content,
        occurredAt: new Date(start + i * 1000),
      });
    }
    return { id, code: dossierCode };
  });
}

const qrPath = (dossierId: string, world: TenantWorld = own) => `/api/tenants/${world.tenantId}/dossiers/${dossierId}/payment-qr`;
const FEE = { kind: 'fee_requested' as const, content: { amountVnd: 150_000, description: 'Lệ phí cấp giấy phép' } };

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  for (const code of [procedureCode, bareProcedureCode]) {
    await deps.db.insert(schema.procedures).values({
      code,
      version: 1,
      name: 'Cấp giấy phép xây dựng',
      sector: 'Xây dựng',
      level: 'commune',
      channels: ['online'],
      processingTime: [{ channel: 'online', amount: 1, unit: 'working_days' }],
      onlineServiceLevel: 'full',
    });
  }
  await withTenant(deps.sql, own.tenantId, (tx) =>
    tx.insert(schema.procedureSettings).values([
      {
        tenantId: own.tenantId,
        procedureCode,
        receivingUnitIds: [own.wardId],
        handlingUnitIds: [own.wardId],
        beneficiaryAccount: '970436:0011000123456 KBNN tỉnh',
      },
      // An account written before the BIN:account form: kept, but no QR can name it.
      {
        tenantId: own.tenantId,
        procedureCode: bareProcedureCode,
        receivingUnitIds: [own.wardId],
        handlingUnitIds: [own.wardId],
        beneficiaryAccount: 'KBNN tỉnh - 3511',
      },
    ]),
  );
  const login = await createGlobalUser(deps.db, 'citizen');
  citizenId = (await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)))[0]!.id;
  citizen = await signIn(app, login, '203.0.113.40');
  stranger = await signIn(app, await createGlobalUser(deps.db, 'citizen'), '203.0.113.41');
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.42');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.43');
});
afterAll(close);

describe('the payment QR of a dossier', () => {
  it('gives the applicant and the officer the pending amount, the dossier code as reference, and a payload carrying both', async () => {
    const dossier = await dossierWith([FEE]);
    for (const session of [citizen, clerk]) {
      const response = await call(app, session, 'GET', qrPath(dossier.id));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { amountVnd: number; description: string; reference: string; payload: string; beneficiary: unknown };
      expect(body).toMatchObject({
        amountVnd: 150_000,
        description: 'Lệ phí cấp giấy phép',
        reference: dossier.code,
        beneficiary: { bin: '970436', account: '0011000123456' },
      });
      expect(body.payload).toContain('0006970436' + '0113' + '0011000123456');
      expect(body.payload).toContain('5406150000');
      expect(body.payload).toContain(`62${String(dossier.code.length + 4).padStart(2, '0')}08${dossier.code.length}${dossier.code}`);
      expect(body.payload.slice(-4)).toBe(crc16CcittFalse(body.payload.slice(0, -4)));
    }
  });

  it('follows the latest request after a payment was recorded', async () => {
    const dossier = await dossierWith([
      FEE,
      { kind: 'fee_paid', content: { reference: 'BL-1' } },
      { kind: 'fee_requested', content: { amountVnd: 20_000, description: 'Phí bổ sung' } },
    ]);
    const body = (await (await call(app, citizen, 'GET', qrPath(dossier.id))).json()) as { amountVnd: number };
    expect(body.amountVnd).toBe(20_000);
  });

  it('is a 409 in Vietnamese when no fee is pending, or once it is paid', async () => {
    for (const events of [[], [FEE, { kind: 'fee_paid' as const, content: { reference: 'BL-2' } }]]) {
      const dossier = await dossierWith(events);
      const refused = await call(app, citizen, 'GET', qrPath(dossier.id));
      expect(refused.status).toBe(409);
      expect((await readProblem(refused)).detail).toBe('Hồ sơ không có khoản phí nào đang chờ nộp.');
    }
  });

  it('is a 409 telling the applicant to pay at the counter when the account is not in BIN:account form', async () => {
    const dossier = await dossierWith([FEE], bareProcedureCode);
    const refused = await call(app, citizen, 'GET', qrPath(dossier.id));
    expect(refused.status).toBe(409);
    expect((await readProblem(refused)).detail).toMatch(/nộp phí tại bộ phận một cửa/);
  });

  it('is refused to another citizen (403), to another province (403), unknown dossiers are 404, anonymous 401', async () => {
    const dossier = await dossierWith([FEE]);
    const foreign = await call(app, stranger, 'GET', qrPath(dossier.id));
    expect(foreign.status).toBe(403);
    expect((await readProblem(foreign)).detail).toBe('Hồ sơ này không do tài khoản của bạn nộp.');
    expect((await call(app, otherAdmin, 'GET', qrPath(dossier.id))).status).toBe(403);
    expect((await call(app, citizen, 'GET', qrPath(randomUUID()))).status).toBe(404);
    expect((await call(app, null, 'GET', qrPath(dossier.id))).status).toBe(401);
  });
});
