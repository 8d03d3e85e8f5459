import { appointProvinceAdmin, AppointProvinceAdmin, createTenant, CreateTenant } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';

const tags = ['ministry'];

/** Ministry endpoints: create a province, appoint its (at most three) province admins. */
export function tenantRoutes() {
  return new Hono<AppEnv>()
    .post('/', describeRoute({ tags, summary: 'Create a province (tenant) with its root unit' }), validate('json', CreateTenant), async (c) =>
      c.json(await createTenant({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
    )
    .post('/:tenantId/province-admins', describeRoute({ tags, summary: 'Appoint a province admin (at most 3 per province)' }), validate('param', TenantParam), validate('json', AppointProvinceAdmin), async (c) =>
      c.json(await appointProvinceAdmin({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    );
}
