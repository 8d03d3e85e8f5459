import { grantRole, GrantRole, listRoleAssignments, revokeRole, RevokeRole } from '@gov/core';
import { ROLE_LABELS } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf } from '../etag.js';
import { validate } from '../validate.js';
import { RoleAssignment, RoleAssignmentList, RoleCatalog, RoleRevoked } from './admin-schemas.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';
import { AssignmentParam, TenantParam } from './params.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;

const tags = ['roles'];

/** Role assignments of a province (phân quyền): list, grant, revoke; and the role catalog. */
export function roleAssignmentRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/role-assignments',
      describeRoute({ tags, summary: 'Active assignments with who granted them and why', responses: { 200: jsonAnswer('Newest first', RoleAssignmentList) } }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listRoleAssignments({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies Out<typeof RoleAssignmentList>),
    )
    .post(
      '/:tenantId/role-assignments',
      describeRoute({ tags, summary: 'Grant a role over a unit subtree', responses: { 201: jsonAnswer('The new assignment', RoleAssignment) } }),
      validate('param', TenantParam),
      validate('json', GrantRole),
      async (c) =>
        c.json(
          (await grantRole({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })) satisfies Out<typeof RoleAssignment>,
          201,
        ),
    )
    .post(
      '/:tenantId/role-assignments/:assignmentId/revoke',
      describeRoute(conditional({ tags, summary: 'Revoke an assignment', responses: { 200: jsonAnswer('Revoked', RoleRevoked) } })),
      validate('param', AssignmentParam),
      validate('json', RevokeRole),
      async (c) => {
        const { tenantId, assignmentId } = c.req.valid('param');
        return c.json(
          (await revokeRole({ ctx: c.get('ctx'), tenantId, assignmentId, ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Out<
            typeof RoleRevoked
          >,
        );
      },
    );
}

export function roleCatalogRoutes() {
  return new Hono<AppEnv>().get(
    '/',
    describeRoute({
      ...anyone,
      tags,
      summary: 'The fixed role catalog with Vietnamese and English labels',
      responses: { 200: jsonAnswer('Every role', RoleCatalog) },
    }),
    (c) => c.json({ items: Object.entries(ROLE_LABELS).map(([role, label]) => ({ role, label })) } satisfies Out<typeof RoleCatalog>),
  );
}
