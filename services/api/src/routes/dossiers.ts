import { actOnDossier, getDossier, getPaymentQr, getReceipt, listInbox, listIntakeProcedures, submitDossier, type Attachment } from '@gov/core';
import { invalid } from '@gov/domain';
import { Hono, type HonoRequest } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';
import { DossierDetail, DossierState, InboxPage, IntakeProcedures, PaymentQr, Receipt, Submitted } from './dossier-schemas.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;
import { PageQuery, QueryInt, TenantParam } from './params.js';
import { limitBody, readForm, readJson } from './read-body.js';

const tags = ['dossiers'];
const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const DossierParam = v.object({ tenantId: Id, dossierId: Id });
const ActionParam = v.object({ tenantId: Id, dossierId: Id, action: v.string() });
const InboxQuery = v.object({
  procedureCode: v.optional(v.string()),
  status: QueryInt(1, 10),
  receivedFrom: v.optional(v.string()),
  receivedTo: v.optional(v.string()),
  search: v.optional(v.string()),
  ...PageQuery.entries,
});
// Ten components of 10 MB each, plus the form: larger bodies are cut off before they are read.
const MAX_SUBMISSION_BYTES = 110 * 1024 * 1024;

/**
 * A submission is JSON, or multipart/form-data with the JSON in a `dossier` field and each file
 * under its component code (field name), so counter officers attach the digitised papers.
 */
async function readSubmission(req: HonoRequest): Promise<{ input: unknown; attachments: Attachment[] }> {
  if (!(req.header('Content-Type') ?? '').startsWith('multipart/form-data')) return { input: await readJson(req), attachments: [] };
  const body = await readForm(req);
  const attachments: Attachment[] = [];
  for (const [field, value] of Object.entries(body)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part !== 'string') attachments.push({ componentCode: field, fileName: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
    }
  }
  const form = body.dossier;
  if (typeof form !== 'string') throw invalid({ vi: 'Thiếu trường "dossier" (JSON) trong biểu mẫu.', en: 'Missing the "dossier" (JSON) form field.' });
  try {
    return { input: JSON.parse(form) as unknown, attachments };
  } catch {
    throw invalid({ vi: 'Trường "dossier" không phải JSON hợp lệ.', en: 'The "dossier" field is not valid JSON.' });
  }
}

/** Intake, the officer inbox, one dossier, its receipt, and officer/applicant actions. */
export function dossierRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post(
      '/:tenantId/dossiers',
      describeRoute({
        tags,
        summary: 'Submit a dossier (online, at the counter, by post, via a proxy); needs an Idempotency-Key header',
        responses: {
          201: jsonAnswer('Received: the dossier and its receipt', Submitted),
          200: jsonAnswer('A retry with the same key: the same answer', Submitted),
        },
      }),
      limitBody(MAX_SUBMISSION_BYTES, { vi: 'Hồ sơ gửi lên quá lớn.', en: 'The submission is too large.' }),
      validate('param', TenantParam),
      async (c) => {
        const { input, attachments } = await readSubmission(c.req);
        const result = await submitDossier({
          ctx: c.get('ctx'),
          tenantId: c.req.valid('param').tenantId,
          input,
          attachments,
          idempotencyKey: c.req.header('Idempotency-Key'),
          deps: dossierDeps(deps),
        });
        if (result.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(result satisfies Out<typeof Submitted>, result.replayed ? 200 : 201);
      },
    )
    .get(
      '/:tenantId/inbox',
      describeRoute({
        tags,
        summary: 'Open tasks for the roles the officer holds, soonest deadline first',
        responses: { 200: jsonAnswer('One page of open tasks', InboxPage) },
      }),
      validate('param', TenantParam),
      validate('query', InboxQuery),
      async (c) =>
        c.json((await listInbox({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Out<typeof InboxPage>),
    )
    .get(
      '/:tenantId/intake-procedures',
      describeRoute({
        tags,
        summary: 'Procedures the officer may receive at the counter, with their receiving units and components',
        responses: { 200: jsonAnswer('By name; only procedures a unit of the officer receives', IntakeProcedures) },
      }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listIntakeProcedures({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies Wire<
          v.InferOutput<typeof IntakeProcedures>
        >),
    )
    .get(
      '/:tenantId/dossiers/:dossierId',
      describeRoute({
        tags,
        summary: 'A dossier with its files, history, open tasks and the actions the reader may take now',
        responses: { 200: jsonAnswer('The dossier', DossierDetail) },
      }),
      validate('param', DossierParam),
      async (c) => {
        const { tenantId, dossierId } = c.req.valid('param');
        return c.json(
          (await getDossier({ ctx: c.get('ctx'), tenantId, input: { dossierId }, engine: dossierDeps(deps).engine })) satisfies Out<typeof DossierDetail>,
        );
      },
    )
    .get(
      '/:tenantId/dossiers/:dossierId/receipt',
      describeRoute({ tags, summary: 'Receipt and appointment (Form 01) data', responses: { 200: jsonAnswer('Form 01 as data', Receipt) } }),
      validate('param', DossierParam),
      async (c) => {
        const { tenantId, dossierId } = c.req.valid('param');
        return c.json(
          (await getReceipt({ ctx: c.get('ctx'), tenantId, input: { dossierId }, statusTokenSecret: dossierDeps(deps).statusTokenSecret })) satisfies Out<
            typeof Receipt
          >,
        );
      },
    )
    .get(
      '/:tenantId/dossiers/:dossierId/payment-qr',
      describeRoute({
        tags,
        summary: 'The VietQR code to pay the fee pending on a dossier by bank transfer',
        responses: {
          200: jsonAnswer('Amount, reference and the QR payload', PaymentQr),
          409: { description: 'No fee is pending, or the province has no beneficiary account for VietQR' },
        },
      }),
      validate('param', DossierParam),
      async (c) => {
        const { tenantId, dossierId } = c.req.valid('param');
        return c.json((await getPaymentQr({ ctx: c.get('ctx'), tenantId, input: { dossierId } })) satisfies Out<typeof PaymentQr>);
      },
    )
    .post(
      '/:tenantId/dossiers/:dossierId/actions/:action',
      describeRoute({
        tags,
        summary: 'Act on a dossier (accept, forward, approve, returnResult …); answers with the dossier view or the reason it was refused',
        responses: { 200: jsonAnswer('Done: the dossier as its workflow holds it now', DossierState) },
      }),
      validate('param', ActionParam),
      validate('json', v.record(v.string(), v.unknown())),
      async (c) => {
        const { tenantId, dossierId, action } = c.req.valid('param');
        return c.json(
          (await actOnDossier({
            ctx: c.get('ctx'),
            tenantId,
            dossierId,
            input: { action: action as never, input: c.req.valid('json') },
            deps: dossierDeps(deps),
          })) satisfies Out<typeof DossierState>,
        );
      },
    );
}
