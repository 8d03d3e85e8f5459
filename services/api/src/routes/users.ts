import { createOfficer, CreateOfficer, editOfficer, EditOfficer, listOfficers, moveOfficer, MoveOfficer, resetPassword, ResetPassword, setOfficerActive } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { PageQuery, TenantParam, UserParam } from './params.js';

const tags = ['users'];
const ListQuery = v.object({
  search: v.optional(v.string()),
  ...PageQuery.entries,
});

/** Officer accounts of a province: list (masked), create, edit, move, deactivate, reset password. */
export function userRoutes() {
  return new Hono<AppEnv>()
    .get('/:tenantId/users', describeRoute({ tags, summary: 'Officers the actor may see (citizen IDs and phones masked)' }), validate('param', TenantParam), validate('query', ListQuery), async (c) =>
      c.json({ items: await listOfficers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') }) }),
    )
    .post('/:tenantId/users', describeRoute({ tags, summary: 'Create an officer account' }), validate('param', TenantParam), validate('json', CreateOfficer), async (c) =>
      c.json(await createOfficer({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .patch('/:tenantId/users/:userId', describeRoute({ tags, summary: 'Edit an officer\'s profile (each field checked)' }), validate('param', UserParam), validate('json', EditOfficer), async (c) =>
      c.json(await editOfficer({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })),
    )
    .post('/:tenantId/users/:userId/move', describeRoute({ tags, summary: 'Move an officer to another unit (old unit\'s roles end; open tasks listed)' }), validate('param', UserParam), validate('json', MoveOfficer), async (c) =>
      c.json(await moveOfficer({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })),
    )
    .post('/:tenantId/users/:userId/deactivate', describeRoute({ tags, summary: 'Deactivate an officer (ends their sessions and admin roles; open tasks listed)' }), validate('param', UserParam), async (c) =>
      c.json(await setOfficerActive({ ctx: c.get('ctx'), ...c.req.valid('param'), active: false })),
    )
    .post('/:tenantId/users/:userId/activate', describeRoute({ tags, summary: 'Reactivate an officer' }), validate('param', UserParam), async (c) =>
      c.json(await setOfficerActive({ ctx: c.get('ctx'), ...c.req.valid('param'), active: true })),
    )
    .post('/:tenantId/users/:userId/reset-password', describeRoute({ tags, summary: 'Set a new password (ends their sessions)' }), validate('param', UserParam), validate('json', ResetPassword), async (c) =>
      c.json(await resetPassword({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })),
    );
}
