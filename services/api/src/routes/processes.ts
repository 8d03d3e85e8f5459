import {
  copyDefaultProcess,
  CopyDefaultProcess,
  listDefaultProcesses,
  listHandOverTargets,
  ListHandOverTargets,
  listProcesses,
  publishDefaultProcess,
  PublishDefaultProcess,
  publishProcess,
  saveProcessDraft,
  SaveProcessDraft,
} from '@gov/core';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';

const tags = ['electronic processes'];
const ProcessParam = v.object({ ...TenantParam.entries, id: v.pipe(v.string(), v.uuid()) });
const Filter = v.object({ procedureCode: v.optional(v.string()), caseCode: v.optional(v.string()) });
const Id = v.pipe(v.string(), v.uuid());
export const HandOverTargets = v.object({
  province: v.object({ id: Id, name: v.string() }),
  items: v.array(v.object({ id: Id, code: v.string(), name: v.string(), kind: v.string() })),
});
export type HandOverTargets = v.InferOutput<typeof HandOverTargets>;
const handOverTargetsDoc = describeRoute({
  tags,
  summary: "Another province's active units a hand-over step may target (liên thông giữa hai tỉnh)",
  responses: {
    200: { description: 'Active units of the province, by code; no personal data', content: { 'application/json': { schema: resolver(HandOverTargets) } } },
    404: { description: 'No such province' },
  },
});

/**
 * A province's electronic processes (quy trình điện tử): list, save a draft, publish, copy the
 * ministry's, and list another province's units to hand a dossier over to.
 */
export function processRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/processes',
      describeRoute({ tags, summary: 'Every version, newest first' }),
      validate('param', TenantParam),
      validate('query', Filter),
      async (c) => c.json({ items: await listProcesses({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') }) }),
    )
    .post(
      '/:tenantId/processes',
      describeRoute({ tags, summary: 'Save the draft (validated: units, roles, hand-overs, total time)' }),
      validate('param', TenantParam),
      validate('json', SaveProcessDraft),
      async (c) => c.json(await saveProcessDraft({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .post(
      '/:tenantId/processes/copy-default',
      describeRoute({ tags, summary: 'Copy the ministry default process into a draft' }),
      validate('param', TenantParam),
      validate('json', CopyDefaultProcess),
      async (c) => c.json(await copyDefaultProcess({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .post(
      '/:tenantId/processes/:id/publish',
      describeRoute({ tags, summary: 'Publish a draft; running dossiers keep their version' }),
      validate('param', ProcessParam),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        return c.json(await publishProcess({ ctx: c.get('ctx'), tenantId, input: { id } }));
      },
    )
    .get('/:tenantId/hand-over-targets', handOverTargetsDoc, validate('param', TenantParam), validate('query', ListHandOverTargets), async (c) =>
      c.json(
        (await listHandOverTargets({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies HandOverTargets,
      ),
    );
}

/** Ministry default processes (quy trình mẫu), mounted beside the catalog. */
export function defaultProcessRoutes() {
  return new Hono<AppEnv>()
    .get('/', describeRoute({ tags, summary: 'Ministry default processes, every version' }), validate('query', Filter), async (c) =>
      c.json({ items: await listDefaultProcesses({ ctx: c.get('ctx'), input: c.req.valid('query') }) }),
    )
    .post('/', describeRoute({ tags, summary: 'Publish a new default process version (ministry)' }), validate('json', PublishDefaultProcess), async (c) =>
      c.json(await publishDefaultProcess({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
    );
}
