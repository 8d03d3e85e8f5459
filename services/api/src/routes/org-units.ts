import { createOrgUnit, CreateOrgUnit, listOrgUnits, moveOrgUnit, MoveOrgUnit, updateOrgUnit, UpdateOrgUnit } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { OrgUnit, OrgUnitList } from './admin-schemas.js';
import { jsonAnswer, type Wire } from './answer.js';
import { TenantParam, UnitParam } from './params.js';

const tags = ['org units'];
const unitAnswer = (description: string) => jsonAnswer(description, OrgUnit);
type Unit = Wire<v.InferOutput<typeof OrgUnit>>;

/** The province's organisation tree (đơn vị): list, create, rename/deactivate/set contacts, move. */
export function orgUnitRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/org-units',
      describeRoute({ tags, summary: 'Units the actor may see, parents first', responses: { 200: jsonAnswer('The units in tree order', OrgUnitList) } }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listOrgUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies Wire<v.InferOutput<typeof OrgUnitList>>),
    )
    .post(
      '/:tenantId/org-units',
      describeRoute({ tags, summary: 'Create a unit under a parent', responses: { 201: unitAnswer('The new unit') } }),
      validate('param', TenantParam),
      validate('json', CreateOrgUnit),
      async (c) =>
        c.json((await createOrgUnit({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })) satisfies Unit, 201),
    )
    .patch(
      '/:tenantId/org-units/:unitId',
      describeRoute(
        conditional({
          tags,
          summary: 'Rename or (de)activate a unit, or set its public contact details (null clears one)',
          responses: { 200: unitAnswer('The unit as changed') },
        }),
      ),
      validate('param', UnitParam),
      validate('json', UpdateOrgUnit),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return c.json(
          withETag(c, await updateOrgUnit({ ctx: c.get('ctx'), tenantId, unitId, ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Unit,
        );
      },
    )
    .post(
      '/:tenantId/org-units/:unitId/move',
      describeRoute(conditional({ tags, summary: 'Move a unit and its subtree', responses: { 200: unitAnswer('The unit in its new place') } })),
      validate('param', UnitParam),
      validate('json', MoveOrgUnit),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return c.json(
          withETag(c, await moveOrgUnit({ ctx: c.get('ctx'), tenantId, unitId, ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Unit,
        );
      },
    );
}
