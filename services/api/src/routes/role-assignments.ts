import { grantRole, GrantRole, listRoleAssignments, revokeRole, RevokeRole } from '@gov/core';
import { ROLE_LABELS } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { AssignmentParam, TenantParam } from './params.js';

const tags = ['roles'];

/** Role assignments of a province (phân quyền): list, grant, revoke; and the role catalog. */
export function roleAssignmentRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/role-assignments',
      describeRoute({ tags, summary: 'Active assignments with who granted them and why' }),
      validate('param', TenantParam),
      async (c) => c.json({ items: await listRoleAssignments({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) }),
    )
    .post(
      '/:tenantId/role-assignments',
      describeRoute({ tags, summary: 'Grant a role over a unit subtree' }),
      validate('param', TenantParam),
      validate('json', GrantRole),
      async (c) => c.json(await grantRole({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .post(
      '/:tenantId/role-assignments/:assignmentId/revoke',
      describeRoute({ tags, summary: 'Revoke an assignment' }),
      validate('param', AssignmentParam),
      validate('json', RevokeRole),
      async (c) => {
        const { tenantId, assignmentId } = c.req.valid('param');
        return c.json(await revokeRole({ ctx: c.get('ctx'), tenantId, assignmentId, input: c.req.valid('json') }));
      },
    );
}

export function roleCatalogRoutes() {
  return new Hono<AppEnv>().get('/', describeRoute({ tags, summary: 'The fixed role catalog with Vietnamese and English labels' }), (c) =>
    c.json({ items: Object.entries(ROLE_LABELS).map(([role, label]) => ({ role, label })) }),
  );
}
