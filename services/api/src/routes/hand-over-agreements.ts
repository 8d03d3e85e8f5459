import { decideAgreement, listAgreements, proposeAgreement, ProposeAgreement, withdrawAgreement } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer } from './answer.js';
import { TenantParam } from './params.js';

const tags = ['inter-province agreements'];
const Uuid = v.pipe(v.string(), v.uuid());
const Province = v.object({ id: Uuid, name: v.string() });
/** One agreement as this province sees it (its own copy) with its use. */
export const Agreement = v.object({
  id: Uuid,
  party: v.picklist(['source', 'target']),
  status: v.picklist(['proposed', 'accepted', 'refused', 'withdrawn']),
  procedureCode: v.string(),
  sourceProvince: Province,
  targetProvince: Province,
  sourceUnitIds: v.array(Uuid),
  targetUnitIds: v.array(Uuid),
  allottedWorkingHours: v.number(),
  note: v.nullable(v.string()),
  decisionReason: v.nullable(v.string()),
  proposedAt: v.string(),
  decidedAt: v.nullable(v.string()),
  withdrawnAt: v.nullable(v.string()),
  handedOver: v.pipe(v.number(), v.description('Dossiers handed over under it')),
});
const AgreementList = v.object({ items: v.array(Agreement) });
const Changed = v.object({ id: Uuid, status: v.picklist(['proposed', 'accepted', 'refused', 'withdrawn']) });
const AgreementParam = v.object({ ...TenantParam.entries, id: Uuid });
const Reason = v.object({ reason: v.optional(v.pipe(v.string(), v.maxLength(1000))) });

const changed = (row: { id: string; status: 'proposed' | 'accepted' | 'refused' | 'withdrawn' }) => ({ id: row.id, status: row.status });
const doc = (summary: string, status: 200 | 201 = 200) =>
  describeRoute({
    tags,
    summary,
    responses: { [status]: jsonAnswer('The agreement and its new status', Changed), 409: { description: 'Not in a state that allows it' } },
  });

/**
 * Inter-province agreements (quy chế phối hợp, docs/domain/lien-thong.md): a province's admin
 * proposes, the other province's admin accepts or refuses, either withdraws; each province lists
 * the agreements it is party to with their use.
 */
export function agreementRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/hand-over-agreements',
      describeRoute({ tags, summary: 'Agreements this province is party to, with their use', responses: { 200: jsonAnswer('Newest first', AgreementList) } }),
      validate('param', TenantParam),
      async (c) => c.json({ items: await listAgreements({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) }),
    )
    .post(
      '/:tenantId/hand-over-agreements',
      doc('Propose an agreement to another province', 201),
      validate('param', TenantParam),
      validate('json', ProposeAgreement),
      async (c) => c.json(changed(await proposeAgreement({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })), 201),
    )
    .post(
      '/:tenantId/hand-over-agreements/:id/accept',
      doc('Accept an agreement proposed to this province'),
      validate('param', AgreementParam),
      validate('json', Reason),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        return c.json(changed(await decideAgreement({ ctx: c.get('ctx'), tenantId, input: { id, decision: 'accepted', ...c.req.valid('json') } })));
      },
    )
    .post(
      '/:tenantId/hand-over-agreements/:id/refuse',
      doc('Refuse an agreement proposed to this province'),
      validate('param', AgreementParam),
      validate('json', Reason),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        return c.json(changed(await decideAgreement({ ctx: c.get('ctx'), tenantId, input: { id, decision: 'refused', ...c.req.valid('json') } })));
      },
    )
    .post(
      '/:tenantId/hand-over-agreements/:id/withdraw',
      doc('Withdraw an agreement: no new hand-overs, running ones finish'),
      validate('param', AgreementParam),
      validate('json', Reason),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        return c.json(changed(await withdrawAgreement({ ctx: c.get('ctx'), tenantId, input: { id, ...c.req.valid('json') } })));
      },
    );
}
