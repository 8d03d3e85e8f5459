import { getSignInPolicy, setSignInPolicy, SignInPolicy } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import * as v from 'valibot';
import { Revision } from './admin-schemas.js';
import { jsonAnswer } from './answer.js';
import { TenantParam } from './params.js';

// The answer is the policy in force with the province's revision, the ETag a change names.
const PolicyState = v.object({ ...SignInPolicy.entries, revision: Revision });
const policy = (description: string) => jsonAnswer(description, PolicyState);

const tags = ['users'];

/** How a province's officers sign in: a province admin may require VNeID for all of them. */
export function signInPolicyRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/sign-in-policy',
      describeRoute({ tags, summary: 'Whether the province’s officers must sign in with VNeID', responses: { 200: policy('The policy in force') } }),
      validate('param', TenantParam),
      async (c) =>
        c.json(withETag(c, await getSignInPolicy({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies v.InferOutput<typeof PolicyState>),
    )
    .put(
      '/:tenantId/sign-in-policy',
      describeRoute(
        conditional({
          tags,
          summary: 'A province admin requires (or stops requiring) VNeID sign-in for the province’s officers; their password sign-in is then refused',
          responses: { 200: policy('The policy now in force'), 403: { description: 'Not a province admin of this province' } },
        }),
      ),
      validate('param', TenantParam),
      validate('json', SignInPolicy),
      async (c) =>
        c.json(
          withETag(
            c,
            await setSignInPolicy({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, ifMatch: ifMatchOf(c), input: c.req.valid('json') }),
          ) satisfies v.InferOutput<typeof PolicyState>,
        ),
    );
}
