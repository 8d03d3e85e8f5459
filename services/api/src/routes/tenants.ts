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
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';
import { TenantParam, UserParam } from './params.js';
import { Province } from './provinces.js';

const tags = ['ministry'];
const Uuid = v.pipe(v.string(), v.uuid());
const ProvinceAdmins = v.object({
  items: v.array(
    v.object({
      assignmentId: Uuid,
      userId: Uuid,
      login: v.string(),
      fullName: v.nullable(v.string()),
      position: v.nullable(v.string()),
      active: v.nullable(v.boolean()),
      grantedAt: v.pipe(v.string(), v.isoTimestamp()),
      reason: v.nullable(v.string()),
    }),
  ),
});
const Appointed = v.object({ userId: Uuid, assignmentId: Uuid, rootUnitId: Uuid, invitationSentBy: v.picklist(['email', 'sms']) });
const Revoked = v.object({ userId: Uuid, assignmentId: Uuid, revoked: v.literal(true) });
const SteppedDown = v.object({ userId: Uuid, assignmentId: Uuid, steppedDown: v.literal(true) });
type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;

/** Ministry endpoints: create a province; appoint, list and revoke its (at most three) province admins; a province admin steps down. */
export function tenantRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post(
      '/',
      describeRoute({ tags, summary: 'Create a province (tenant) with its root unit', responses: { 201: jsonAnswer('The province', Province) } }),
      validate('json', CreateTenant),
      async (c) => c.json((await createTenant({ ctx: c.get('ctx'), input: c.req.valid('json') })) satisfies Out<typeof Province>, 201),
    )
    .get(
      '/:tenantId/province-admins',
      describeRoute({ tags, summary: 'The province admins holding a seat now', responses: { 200: jsonAnswer('At most three', ProvinceAdmins) } }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listProvinceAdmins({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies Out<typeof ProvinceAdmins>),
    )
    .post(
      '/:tenantId/province-admins',
      describeRoute({
        tags,
        summary: 'Appoint a province admin (at most 3 per province); an invitation code goes to their email (else phone)',
        description:
          'No password is sent or chosen here: the appointee sets their own with the invitation code (valid 72 hours) at /invitation. The answer says only the channel (`invitationSentBy`).',
        responses: { 201: jsonAnswer('Appointed and invited', Appointed), 409: { description: 'Login taken, or the province already has three admins' } },
      }),
      validate('param', TenantParam),
      validate('json', AppointProvinceAdmin),
      async (c) =>
        c.json(
          (await appointProvinceAdmin({
            ctx: c.get('ctx'),
            tenantId: c.req.valid('param').tenantId,
            keys: deps.accountKeys,
            input: c.req.valid('json'),
          })) satisfies Out<typeof Appointed>,
          201,
        ),
    )
    .post(
      '/:tenantId/province-admins/step-down',
      describeRoute({
        tags,
        summary: 'The signed-in province admin gives up their seat (not the last one)',
        responses: { 200: jsonAnswer('The seat is free', SteppedDown) },
      }),
      validate('param', TenantParam),
      validate('json', StepDown),
      async (c) =>
        c.json(
          (await stepDownProvinceAdmin({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })) satisfies Out<
            typeof SteppedDown
          >,
        ),
    )
    .post(
      '/:tenantId/province-admins/:userId/revoke',
      describeRoute({
        tags,
        summary: 'The ministry revokes a province admin (frees the seat at once)',
        responses: { 200: jsonAnswer('The seat is free', Revoked) },
      }),
      validate('param', UserParam),
      validate('json', RevokeProvinceAdmin),
      async (c) =>
        c.json((await revokeProvinceAdmin({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })) satisfies Out<typeof Revoked>),
    );
}
