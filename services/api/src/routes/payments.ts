import { listDossierPayments, readPaymentReturn, receivePaymentNotice, reconcilePayments, ReconcileQuery, startOnlinePayment } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, paymentDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';
import { TenantParam } from './params.js';
import { DossierPayments, NoticeAnswer, OnlinePayment, PaymentReturn, Reconciliation } from './payment-schemas.js';

const tags = ['payments'];
const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const DossierParam = v.object({ tenantId: Id, dossierId: Id });
/** The gateway's fields, as it sends them in the query string; checked by their signature, not here. */
const GatewayQuery = v.record(v.string(), v.string());

/**
 * Online payment of a dossier's fee through the national payment platform, the payments and
 * electronic receipts of a dossier, and the day's reconciliation with the gateway
 * (docs/domain/fees-and-payment.md).
 */
export function paymentRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post(
      '/:tenantId/dossiers/:dossierId/online-payments',
      describeRoute({
        tags,
        summary: 'Start paying the pending fee online: answers the gateway’s signed pay page to send the browser to',
        responses: { 201: jsonAnswer('A new attempt', OnlinePayment), 409: { description: 'No fee is pending' } },
      }),
      validate('param', DossierParam),
      async (c) => {
        const { tenantId, dossierId } = c.req.valid('param');
        const started = await startOnlinePayment({
          ctx: c.get('ctx'),
          tenantId,
          input: { dossierId },
          gateway: paymentDeps(deps),
          clientAddress: c.get('clientAddress'),
        });
        return c.json(started satisfies Wire<v.InferOutput<typeof OnlinePayment>>, 201);
      },
    )
    .get(
      '/:tenantId/dossiers/:dossierId/payments',
      describeRoute({
        tags,
        summary: 'The payments made on a dossier, with their electronic receipts',
        responses: { 200: jsonAnswer('Payments', DossierPayments) },
      }),
      validate('param', DossierParam),
      async (c) => {
        const { tenantId, dossierId } = c.req.valid('param');
        const items = await listDossierPayments({ ctx: c.get('ctx'), tenantId, input: { dossierId } });
        return c.json({ items } satisfies Wire<v.InferOutput<typeof DossierPayments>>);
      },
    )
    .get(
      '/:tenantId/payments/reconciliation',
      describeRoute({
        tags,
        summary: 'Đối soát: one day’s online payments of the province against the gateway’s list, and the differences',
        responses: { 200: jsonAnswer('The differences', Reconciliation), 400: { description: 'The date is not YYYY-MM-DD' } },
      }),
      validate('param', TenantParam),
      validate('query', ReconcileQuery),
      async (c) => {
        const result = await reconcilePayments({
          ctx: c.get('ctx'),
          tenantId: c.req.valid('param').tenantId,
          input: c.req.valid('query'),
          gateway: paymentDeps(deps),
        });
        return c.json(result satisfies Wire<v.InferOutput<typeof Reconciliation>>);
      },
    );
}

/** The gateway's side: its signed notification (IPN) and the browser's return, both without a session. */
export function paymentGatewayRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/ipn',
      describeRoute({
        tags,
        ...anyone,
        summary: 'The payment gateway’s signed notification (IPN): records the payment; always 200 with the gateway’s answer code',
        responses: {
          200: jsonAnswer('RspCode 00 confirmed, 01 unknown order, 02 already confirmed, 04 wrong amount, 97 wrong signature, 99 retry', NoticeAnswer),
        },
      }),
      validate('query', GatewayQuery),
      async (c) => {
        try {
          const answer = await receivePaymentNotice({
            ctx: c.get('ctx'),
            fields: c.req.valid('query'),
            gateway: paymentDeps(deps),
            engine: dossierDeps(deps).engine,
          });
          return c.json(answer);
        } catch (error) {
          // The gateway retries a notification that is not answered 00 or 02: an infrastructure
          // failure here (Temporal, the database) becomes its "unknown error" and a later retry.
          deps.logger.error({ err: error }, 'payment notification failed; the gateway will retry');
          return c.json({ RspCode: '99', Message: 'Unknown error' });
        }
      },
    )
    .get(
      '/return',
      describeRoute({
        tags,
        ...anyone,
        summary: 'What the return page shows: the gateway’s signed result and what its notification recorded (changes nothing)',
        responses: { 200: jsonAnswer('The result', PaymentReturn) },
      }),
      validate('query', GatewayQuery),
      async (c) => {
        const result = await readPaymentReturn({ ctx: c.get('ctx'), fields: c.req.valid('query'), gateway: paymentDeps(deps) });
        return c.json(result satisfies Wire<v.InferOutput<typeof PaymentReturn>>);
      },
    );
}
