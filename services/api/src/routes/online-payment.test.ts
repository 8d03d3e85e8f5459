import { vietnamDate } from '@gov/calendar';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { schema, withTenant } from '@gov/db';
import { spawnStandIns, type SpawnedStandIns } from '@gov/stand-ins';
import { freePort } from '@gov/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { PDF, type DossierWorld } from '../testing/dossier-world.js';
import { connEnv } from '../testing/world.js';

// A citizen pays a dossier's fee through the payment gateway stand-in, over the network: the API
// listens on a real port, the stand-ins run as their own process and send their notifications
// (IPN) to it, the worker's outbox relay issues the receipt at the e-invoice stand-in.
const MERCHANT = 'MOTCUA01';
const SECRET = 'local-development-payment-secret';
let standIns: SpawnedStandIns;
let apiPort: number;
let server: ServerType | undefined;

beforeAll(async () => {
  apiPort = await freePort();
  standIns = await spawnStandIns({
    env: process.env,
    payment: { ipnUrl: `http://127.0.0.1:${apiPort}/api/payments/ipn` },
  });
});
const suite = dossierSuite('online-payment', {
  einvoice: () => ({ url: standIns.einvoiceUrl, username: 'motcua-local', password: 'local-development-einvoice-password', sellerTaxCode: '0100000000' }),
});
const { client, s } = suite;
let w: DossierWorld;

beforeAll(async () => {
  w = suite.w;
  suite.deps.payments = { url: standIns.paymentGatewayUrl, merchantCode: MERCHANT, secret: SECRET, publicUrl: `http://127.0.0.1:${apiPort}` };
  await new Promise<void>((resolve) => {
    server = serve({ fetch: suite.app.fetch, port: apiPort, hostname: '127.0.0.1' }, () => resolve());
  });
  expect((server!.address() as AddressInfo).port).toBe(apiPort);
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await standIns?.stop();
});

interface Payments {
  items: { status: string; method: string; amountVnd: number; transactionNo: string | null; receiptNo: string | null; receiptLookupCode: string | null }[];
}

/** A dossier of the citizen, accepted, with a fee of `amountVnd` asked at the specialist's step. */
async function dossierWithFee(amountVnd: number) {
  const submitted = await client.submit(s.citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'don.pdf', bytes: PDF } } });
  expect(submitted.status).toBe(201);
  const { dossierId, code } = await client.json<{ dossierId: string; code: string }>(submitted);
  // Reception acts once the dossier's workflow has put it in their inbox.
  await eventually(
    async () => client.json<{ items: { code: string }[] }>(await client.get(s.reception, `/api/tenants/${w.tenantId}/inbox?search=${code}`)),
    (r) => r.items.some((i) => i.code === code),
  );
  expect((await client.act(s.reception, w.tenantId, dossierId, 'accept')).status).toBe(200);
  const asked = await client.act(s.specialist, w.tenantId, dossierId, 'requestFee', { amountVnd, description: 'Lệ phí cấp giấy phép' });
  expect(asked.status).toBe(200);
  return dossierId;
}

/** The citizen starts paying and clicks "Thanh toán" on the gateway's page, as a browser would. */
async function payThroughGateway(dossierId: string) {
  const started = await suite.app.request(
    `/api/tenants/${w.tenantId}/dossiers/${dossierId}/online-payments`,
    { method: 'POST', headers: { Cookie: s.citizen.cookie, 'X-CSRF-Token': s.citizen.csrf } },
    connEnv('203.0.113.40'),
  );
  expect(started.status).toBe(201);
  const { payUrl, orderRef } = await client.json<{ payUrl: string; orderRef: string }>(started);
  const page = await fetch(payUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Thanh toán');
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name!, unescapeHtml(value!));
  form.set('choice', 'pay');
  const paid = await fetch(new URL('/paymentv2/pay', payUrl), { method: 'POST', body: form, redirect: 'manual' });
  expect(paid.status).toBe(302);
  return { orderRef, returnUrl: new URL(paid.headers.get('location')!) };
}

const unescapeHtml = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
const paymentsOf = async (dossierId: string) => client.json<Payments>(await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${dossierId}/payments`));
const auditActions = (subjectId: string) =>
  withTenant(suite.deps.sql, w.tenantId, (tx) =>
    tx
      .select({ action: schema.auditLog.action, details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tenantId, w.tenantId), eq(schema.auditLog.subjectId, subjectId))),
  );
const feeEvents = (dossierId: string) =>
  withTenant(suite.deps.sql, w.tenantId, (tx) =>
    tx
      .select({ kind: schema.dossierEvents.kind, content: schema.dossierEvents.content })
      .from(schema.dossierEvents)
      .where(and(eq(schema.dossierEvents.tenantId, w.tenantId), eq(schema.dossierEvents.dossierId, dossierId), eq(schema.dossierEvents.kind, 'fee_paid'))),
  );

describe('paying a fee online through the payment platform', () => {
  it('records the payment from the signed notification, shows it on the dossier and issues the e-receipt; replays and tampering change nothing', async () => {
    const dossierId = await dossierWithFee(150_000);
    const { orderRef, returnUrl } = await payThroughGateway(dossierId);
    expect(returnUrl.pathname).toBe('/portal/payment-result');

    // The notification came first and was confirmed; the return page reads what it recorded.
    const [tx] = (await standIns.payments.transactions()).filter((t) => t.txnRef === orderRef);
    expect(tx).toMatchObject({ amountVnd: 150_000, ipnAnswers: ['00'] });
    const shown = await client.json<{ signatureValid: boolean; gatewaySaysPaid: boolean; recorded: string }>(
      await client.get(null, `/api/payments/return${returnUrl.search}`),
    );
    expect(shown).toEqual({ signatureValid: true, gatewaySaysPaid: true, amountVnd: 150_000, orderRef, recorded: 'paid' });
    const view = await client.json<{ dossier: { nationalStatus: number } }>(await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${dossierId}`));
    expect(view.dossier.nationalStatus).toBe(4);
    const [paidEvent] = await feeEvents(dossierId);
    expect(paidEvent?.content).toMatchObject({ method: 'online', reference: orderRef, transactionNo: tx!.transactionNo, amountVnd: 150_000 });

    // The e-receipt is issued through the outbox and shown with the payment.
    const withReceipt = await eventually(
      () => paymentsOf(dossierId),
      (p) => p.items[0]?.receiptNo != null,
    );
    expect(withReceipt.items).toEqual([
      expect.objectContaining({
        status: 'paid',
        method: 'online',
        amountVnd: 150_000,
        transactionNo: tx!.transactionNo,
      }),
    ]);
    expect(withReceipt.items[0]!.receiptLookupCode).toMatch(/^BL/);
    const issued = (await standIns.payments.receipts()).filter((r) => r.receiptNo === withReceipt.items[0]!.receiptNo);
    expect(issued).toEqual([expect.objectContaining({ totalAmount: 150_000, sellerTaxCode: '0100000000', buyerName: 'Nguyễn Văn An' })]);

    // A replayed notification is answered "already confirmed" and changes nothing.
    expect(await standIns.payments.resendIpn(orderRef)).toMatchObject({ RspCode: '02' });
    // Tampered ones are refused and audited.
    expect(await standIns.payments.resendIpn(orderRef, 'signature')).toMatchObject({ RspCode: '97' });
    expect(await standIns.payments.resendIpn(orderRef, 'amount')).toMatchObject({ RspCode: '02' });
    expect(await feeEvents(dossierId)).toHaveLength(1);
    expect((await paymentsOf(dossierId)).items).toHaveLength(1);
    const paymentId = orderRef.slice(-36);
    const actions = (await auditActions(paymentId)).map((a) => [a.action, (a.details as { reason?: string } | null)?.reason ?? null]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['payment.confirmed', null],
        ['payment.receipt_issued', null],
        ['payment.notice_rejected', 'signature'],
      ]),
    );
  });

  it('refuses and audits a notification whose amount is not the fee asked, and leaves the fee pending', async () => {
    const dossierId = await dossierWithFee(80_000);
    await standIns.payments.setIpnDelivery(false);
    const { orderRef } = await payThroughGateway(dossierId).finally(() => standIns.payments.setIpnDelivery(true));
    expect(await standIns.payments.resendIpn(orderRef, 'amount')).toMatchObject({ RspCode: '04' });
    const paymentId = orderRef.slice(-36);
    expect((await auditActions(paymentId)).find((a) => a.action === 'payment.notice_rejected')?.details).toMatchObject({
      reason: 'amount',
      expectedVnd: 80_000,
      notifiedVnd: 81_000,
    });
    expect(await feeEvents(dossierId)).toEqual([]);
    // The genuine notification, arriving late, still confirms it.
    expect(await standIns.payments.resendIpn(orderRef)).toMatchObject({ RspCode: '00' });
    expect(await feeEvents(dossierId)).toHaveLength(1);
  });

  it('retries the e-receipt until the provider is back', async () => {
    await standIns.setMode('einvoice', 'fail');
    const dossierId = await dossierWithFee(30_000);
    const { orderRef } = await payThroughGateway(dossierId);
    const paymentId = orderRef.slice(-36);
    const attempted = () =>
      withTenant(suite.deps.sql, w.tenantId, (tx) =>
        tx
          .select({ attempts: schema.outbox.attempts, dispatchedAt: schema.outbox.dispatchedAt })
          .from(schema.outbox)
          .where(and(eq(schema.outbox.tenantId, w.tenantId), eq(schema.outbox.topic, 'payment.receipt'))),
      ).then((rows) => rows.filter((r) => r.dispatchedAt === null));
    await eventually(attempted, (rows) => rows.some((r) => r.attempts >= 1));
    expect((await paymentsOf(dossierId)).items[0]?.receiptNo).toBeNull();
    await standIns.setMode('einvoice', 'ok');
    const done = await eventually(
      () => paymentsOf(dossierId),
      (p) => p.items[0]?.receiptNo != null,
    );
    expect((await standIns.payments.receipts()).filter((r) => r.transactionId === paymentId)).toHaveLength(1);
    expect(done.items[0]?.receiptLookupCode).toBeTruthy();
  });

  it('reconciles the day with the gateway and finds a payment whose notification was lost', async () => {
    const dossierId = await dossierWithFee(45_000);
    await standIns.payments.setIpnDelivery(false);
    const { orderRef } = await payThroughGateway(dossierId).finally(() => standIns.payments.setIpnDelivery(true));
    const day = vietnamDate(Date.now());
    const response = await client.get(s.communeLeader, `/api/tenants/${w.tenantId}/payments/reconciliation?date=${day}`);
    expect(response.status).toBe(200);
    const result = await client.json<{ differences: { kind: string; orderRef: string; theirs?: { amountVnd: number } }[] }>(response);
    expect(result.differences.map((d) => [d.kind, d.orderRef, d.theirs?.amountVnd])).toEqual([['missing_here', orderRef, 45_000]]);
    const bad = await client.get(s.communeLeader, `/api/tenants/${w.tenantId}/payments/reconciliation?date=06-12-2026`);
    expect(bad.status).toBe(400);
  });
});
