import { createOrgUnit, CreateOrgUnit, listOrgUnits, moveOrgUnit, MoveOrgUnit, updateOrgUnit, UpdateOrgUnit } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam, UnitParam } from './params.js';

const tags = ['org units'];

/** The province's organisation tree (đơn vị): list, create, rename/deactivate, move. */
export function orgUnitRoutes() {
  return new Hono<AppEnv>()
    .get('/:tenantId/org-units', describeRoute({ tags, summary: 'Units the actor may see, parents first' }), validate('param', TenantParam), async (c) =>
      c.json({ items: await listOrgUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) }),
    )
    .post(
      '/:tenantId/org-units',
      describeRoute({ tags, summary: 'Create a unit under a parent' }),
      validate('param', TenantParam),
      validate('json', CreateOrgUnit),
      async (c) => c.json(await createOrgUnit({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .patch(
      '/:tenantId/org-units/:unitId',
      describeRoute({ tags, summary: 'Rename or (de)activate a unit' }),
      validate('param', UnitParam),
      validate('json', UpdateOrgUnit),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return c.json(await updateOrgUnit({ ctx: c.get('ctx'), tenantId, unitId, input: c.req.valid('json') }));
      },
    )
    .post(
      '/:tenantId/org-units/:unitId/move',
      describeRoute({ tags, summary: 'Move a unit and its subtree' }),
      validate('param', UnitParam),
      validate('json', MoveOrgUnit),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return c.json(await moveOrgUnit({ ctx: c.get('ctx'), tenantId, unitId, input: c.req.valid('json') }));
      },
    );
}
