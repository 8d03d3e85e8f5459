import { addIntakeRoutingRule, AddIntakeRoutingRule, changeIntakeRoutingRule, listIntakeRoutingRules, removeIntakeRoutingRule } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer } from './answer.js';
import { TenantParam } from './params.js';

const tags = ['jurisdiction-free intake'];
const Uuid = v.pipe(v.string(), v.uuid());
const Rule = v.object({ id: Uuid, procedureCode: v.nullable(v.string()), communeCode: v.nullable(v.string()), competentUnitId: Uuid });
const RuleList = v.object({ items: v.array(v.object({ ...Rule.entries, competentUnitName: v.string() })) });
const RuleParam = v.object({ ...TenantParam.entries, id: Uuid });

/**
 * Routing rules of jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md): the
 * applicant's commune or ward → the competent unit, with a default.
 */
export function intakeRoutingRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/intake-routing-rules',
      describeRoute({ tags, summary: 'Routing rules of jurisdiction-free intake', responses: { 200: jsonAnswer('By procedure, then commune', RuleList) } }),
      validate('param', TenantParam),
      async (c) => c.json({ items: await listIntakeRoutingRules({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) }),
    )
    .post(
      '/:tenantId/intake-routing-rules',
      describeRoute({
        tags,
        summary: 'Add a routing rule',
        responses: { 201: jsonAnswer('The rule', Rule), 409: { description: 'A rule for that procedure and commune exists' } },
      }),
      validate('param', TenantParam),
      validate('json', AddIntakeRoutingRule),
      async (c) => {
        const row = await addIntakeRoutingRule({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') });
        return c.json({ id: row.id, procedureCode: row.procedureCode, communeCode: row.communeCode, competentUnitId: row.competentUnitId }, 201);
      },
    )
    .put(
      '/:tenantId/intake-routing-rules/:id',
      describeRoute({
        tags,
        summary: 'Change a routing rule (its procedure, commune or competent unit); it keeps its id',
        responses: {
          200: jsonAnswer('The rule', Rule),
          404: { description: 'No such rule' },
          409: { description: 'Another rule for that procedure and commune exists' },
        },
      }),
      validate('param', RuleParam),
      validate('json', AddIntakeRoutingRule),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        const row = await changeIntakeRoutingRule({ ctx: c.get('ctx'), tenantId, input: { ...c.req.valid('json'), id } });
        return c.json({ id: row.id, procedureCode: row.procedureCode, communeCode: row.communeCode, competentUnitId: row.competentUnitId });
      },
    )
    .delete(
      '/:tenantId/intake-routing-rules/:id',
      describeRoute({ tags, summary: 'Remove a routing rule', responses: { 200: jsonAnswer('Removed', v.object({ id: Uuid })) } }),
      validate('param', RuleParam),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        return c.json(await removeIntakeRoutingRule({ ctx: c.get('ctx'), tenantId, input: { id } }));
      },
    );
}
