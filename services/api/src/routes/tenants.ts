import {
  appointProvinceAdmin,
  AppointProvinceAdmin,
  createTenant,
  CreateTenant,
  listProvinceAdmins,
  revokeProvinceAdmin,
  RevokeProvinceAdmin,
  StepDown,
  stepDownProvinceAdmin,
} from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam, UserParam } from './params.js';

const tags = ['ministry'];

/** Ministry endpoints: create a province; appoint, list and revoke its (at most three) province admins; a province admin steps down. */
export function tenantRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post('/', describeRoute({ tags, summary: 'Create a province (tenant) with its root unit' }), validate('json', CreateTenant), async (c) =>
      c.json(await createTenant({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
    )
    .get('/:tenantId/province-admins', describeRoute({ tags, summary: 'The province admins holding a seat now' }), validate('param', TenantParam), async (c) =>
      c.json({ items: await listProvinceAdmins({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) }),
    )
    .post(
      '/:tenantId/province-admins',
      describeRoute({
        tags,
        summary: 'Appoint a province admin (at most 3 per province); an invitation code goes to their email (else phone)',
        description:
          'No password is sent or chosen here: the appointee sets their own with the invitation code (valid 72 hours) at /invitation. The answer says only the channel (`invitationSentBy`).',
        responses: { 201: { description: 'Appointed and invited' }, 409: { description: 'Login taken, or the province already has three admins' } },
      }),
      validate('param', TenantParam),
      validate('json', AppointProvinceAdmin),
      async (c) =>
        c.json(
          await appointProvinceAdmin({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, keys: deps.accountKeys, input: c.req.valid('json') }),
          201,
        ),
    )
    .post(
      '/:tenantId/province-admins/step-down',
      describeRoute({ tags, summary: 'The signed-in province admin gives up their seat (not the last one)' }),
      validate('param', TenantParam),
      validate('json', StepDown),
      async (c) => c.json(await stepDownProvinceAdmin({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })),
    )
    .post(
      '/:tenantId/province-admins/:userId/revoke',
      describeRoute({ tags, summary: 'The ministry revokes a province admin (frees the seat at once)' }),
      validate('param', UserParam),
      validate('json', RevokeProvinceAdmin),
      async (c) => c.json(await revokeProvinceAdmin({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })),
    );
}
