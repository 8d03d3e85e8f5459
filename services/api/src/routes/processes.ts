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
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { DefaultProcess, DefaultProcessList, HandOverTargets, ProcessDefinition, ProcessDefinitionList } from './admin-schemas.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';
import { TenantParam } from './params.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;

const tags = ['electronic processes'];
/** A draft save without If-Match starts from "no open draft" (revision 0). */
const NO_OPEN_DRAFT = [0];
const ProcessParam = v.object({ ...TenantParam.entries, id: v.pipe(v.string(), v.uuid()) });
const Filter = v.object({ procedureCode: v.optional(v.string()), caseCode: v.optional(v.string()) });
const handOverTargetsDoc = describeRoute({
  tags,
  summary: "Another province's active units a hand-over step may target (liên thông giữa hai tỉnh)",
  responses: {
    200: jsonAnswer('Active units of the province, by code; no personal data', HandOverTargets),
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
      describeRoute({
        tags,
        summary: 'Every version, newest first',
        responses: { 200: jsonAnswer('By procedure and case, newest version first', ProcessDefinitionList) },
      }),
      validate('param', TenantParam),
      validate('query', Filter),
      async (c) =>
        c.json({
          items: await listProcesses({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') }),
        } satisfies Out<typeof ProcessDefinitionList>),
    )
    .post(
      '/:tenantId/processes',
      describeRoute(
        conditional(
          {
            tags,
            summary: 'Save the draft (validated: units, roles, hand-overs, total time)',
            description:
              'Editing the open draft sends its ETag in `If-Match`; without it the save starts a new draft, refused (412) if someone else has one open.',
            responses: { 201: jsonAnswer('The draft as saved', ProcessDefinition) },
          },
          { optional: true },
        ),
      ),
      validate('param', TenantParam),
      validate('json', SaveProcessDraft),
      async (c) =>
        c.json(
          withETag(
            c,
            await saveProcessDraft({
              ctx: c.get('ctx'),
              tenantId: c.req.valid('param').tenantId,
              ifMatch: ifMatchOf(c, NO_OPEN_DRAFT),
              input: c.req.valid('json'),
            }),
          ) satisfies Out<typeof ProcessDefinition>,
          201,
        ),
    )
    .post(
      '/:tenantId/processes/copy-default',
      describeRoute(
        conditional(
          { tags, summary: 'Copy the ministry default process into a draft', responses: { 201: jsonAnswer('The new draft', ProcessDefinition) } },
          { optional: true },
        ),
      ),
      validate('param', TenantParam),
      validate('json', CopyDefaultProcess),
      async (c) =>
        c.json(
          withETag(
            c,
            await copyDefaultProcess({
              ctx: c.get('ctx'),
              tenantId: c.req.valid('param').tenantId,
              ifMatch: ifMatchOf(c, NO_OPEN_DRAFT),
              input: c.req.valid('json'),
            }),
          ) satisfies Out<typeof ProcessDefinition>,
          201,
        ),
    )
    .post(
      '/:tenantId/processes/:id/publish',
      describeRoute(
        conditional({
          tags,
          summary: 'Publish a draft; running dossiers keep their version',
          responses: { 200: jsonAnswer('The published version', ProcessDefinition) },
        }),
      ),
      validate('param', ProcessParam),
      async (c) => {
        const { tenantId, id } = c.req.valid('param');
        return c.json(
          withETag(c, await publishProcess({ ctx: c.get('ctx'), tenantId, ifMatch: ifMatchOf(c), input: { id } })) satisfies Out<typeof ProcessDefinition>,
        );
      },
    )
    .get('/:tenantId/hand-over-targets', handOverTargetsDoc, validate('param', TenantParam), validate('query', ListHandOverTargets), async (c) =>
      c.json(
        (await listHandOverTargets({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies v.InferOutput<
          typeof HandOverTargets
        >,
      ),
    );
}

/** Ministry default processes (quy trình mẫu), mounted beside the catalog. */
export function defaultProcessRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Ministry default processes, every version',
        responses: { 200: jsonAnswer('Newest version first', DefaultProcessList) },
      }),
      validate('query', Filter),
      async (c) => c.json({ items: await listDefaultProcesses({ ctx: c.get('ctx'), input: c.req.valid('query') }) } satisfies Out<typeof DefaultProcessList>),
    )
    .post(
      '/',
      describeRoute({ tags, summary: 'Publish a new default process version (ministry)', responses: { 201: jsonAnswer('The new version', DefaultProcess) } }),
      validate('json', PublishDefaultProcess),
      async (c) => c.json((await publishDefaultProcess({ ctx: c.get('ctx'), input: c.req.valid('json') })) satisfies Out<typeof DefaultProcess>, 201),
    );
}
