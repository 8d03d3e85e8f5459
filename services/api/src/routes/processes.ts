import { copyDefaultProcess, CopyDefaultProcess, listDefaultProcesses, listProcesses, publishDefaultProcess, PublishDefaultProcess, publishProcess, saveProcessDraft, SaveProcessDraft } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';

const tags = ['electronic processes'];
const ProcessParam = v.object({ ...TenantParam.entries, id: v.pipe(v.string(), v.uuid()) });
const Filter = v.object({ procedureCode: v.optional(v.string()), caseCode: v.optional(v.string()) });

/** A province's electronic processes (quy trình điện tử): list, save a draft, publish, copy the ministry's. */
export function processRoutes() {
  return new Hono<AppEnv>()
    .get('/:tenantId/processes', describeRoute({ tags, summary: 'Every version, newest first' }), validate('param', TenantParam), validate('query', Filter), async (c) =>
      c.json({ items: await listProcesses({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') }) }),
    )
    .post('/:tenantId/processes', describeRoute({ tags, summary: 'Save the draft (validated: units, roles, hand-overs, total time)' }), validate('param', TenantParam), validate('json', SaveProcessDraft), async (c) =>
      c.json(await saveProcessDraft({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .post('/:tenantId/processes/copy-default', describeRoute({ tags, summary: 'Copy the ministry default process into a draft' }), validate('param', TenantParam), validate('json', CopyDefaultProcess), async (c) =>
      c.json(await copyDefaultProcess({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') }), 201),
    )
    .post('/:tenantId/processes/:id/publish', describeRoute({ tags, summary: 'Publish a draft; running dossiers keep their version' }), validate('param', ProcessParam), async (c) => {
      const { tenantId, id } = c.req.valid('param');
      return c.json(await publishProcess({ ctx: c.get('ctx'), tenantId, input: { id } }));
    });
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
