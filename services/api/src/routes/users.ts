import { createOfficer, CreateOfficer, editOfficer, EditOfficer, listOfficers, moveOfficer, MoveOfficer, resetPassword, setOfficerActive } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { PageQuery, TenantParam, UserParam } from './params.js';

const tags = ['users'];
const ListQuery = v.object({
  search: v.optional(v.string()),
  ...PageQuery.entries,
});

/** Officer accounts of a province: list (masked), create, edit, move, deactivate, reset password. */
export function userRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/users',
      describeRoute({ tags, summary: 'Officers the actor may see (citizen IDs and phones masked)' }),
      validate('param', TenantParam),
      validate('query', ListQuery),
      async (c) => c.json(await listOfficers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })),
    )
    .post(
      '/:tenantId/users',
      describeRoute({
        tags,
        summary: 'Create an officer account; an invitation code goes to their email (else phone)',
        description:
          'The admin chooses no password: the officer sets their own with the invitation code (valid 72 hours) at /invitation. The answer says only the channel (`invitationSentBy`).',
        responses: { 201: { description: 'Created and invited' }, 409: { description: 'Login taken' } },
      }),
      validate('param', TenantParam),
      validate('json', CreateOfficer),
      async (c) =>
        c.json(await createOfficer({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, keys: deps.accountKeys, input: c.req.valid('json') }), 201),
    )
    .patch(
      '/:tenantId/users/:userId',
      describeRoute({ tags, summary: "Edit an officer's profile (each field checked)" }),
      validate('param', UserParam),
      validate('json', EditOfficer),
      async (c) => c.json(await editOfficer({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })),
    )
    .post(
      '/:tenantId/users/:userId/move',
      describeRoute({ tags, summary: "Move an officer to another unit (old unit's roles end; open tasks listed)" }),
      validate('param', UserParam),
      validate('json', MoveOfficer),
      async (c) => c.json(await moveOfficer({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })),
    )
    .post(
      '/:tenantId/users/:userId/deactivate',
      describeRoute({ tags, summary: 'Deactivate an officer (ends their sessions and admin roles; open tasks listed)' }),
      validate('param', UserParam),
      async (c) => c.json(await setOfficerActive({ ctx: c.get('ctx'), ...c.req.valid('param'), active: false })),
    )
    .post('/:tenantId/users/:userId/activate', describeRoute({ tags, summary: 'Reactivate an officer' }), validate('param', UserParam), async (c) =>
      c.json(await setOfficerActive({ ctx: c.get('ctx'), ...c.req.valid('param'), active: true })),
    )
    .post(
      '/:tenantId/users/:userId/reset-password',
      describeRoute({
        tags,
        summary: "Reset an officer's password: the current one stops working, their sessions end, and a code goes to their email (else phone)",
        description:
          'No body. The admin never sees the code or a password; the officer chooses a new password with the code at /reset-password. The answer says only the channel (`codeSentBy`).',
        responses: {
          200: { description: 'Password cleared and code sent' },
          403: { description: 'No authority over this account (e.g. a fellow province admin)' },
          409: { description: 'Five codes already sent this hour' },
        },
      }),
      validate('param', UserParam),
      async (c) => c.json(await resetPassword({ ctx: c.get('ctx'), ...c.req.valid('param'), keys: deps.accountKeys })),
    );
}
