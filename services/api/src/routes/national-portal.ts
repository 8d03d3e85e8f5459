import { listPortalDeadLetters, replayPortalDeadLetter } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';
import { PortalDeadLetters, PortalReplay } from './national-portal-schemas.js';
import { TenantParam } from './params.js';

const tags = ['national portal'];
const DeadLetterParam = v.object({ ...TenantParam.entries, id: v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ')) });

/**
 * The sync with the national public-service portal (Cổng Dịch vụ công quốc gia): the records
 * it refused or could not take after the last attempt, and sending one again. The province admin
 * of the province and ministry staff read the list; the province admin and the ministry admin replay.
 */
export function nationalPortalRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/national-portal/dead-letters',
      describeRoute({
        tags,
        summary:
          'Records the national portal has not taken after the last attempt, oldest first, with how many of the dossier’s later records wait behind each',
        responses: { 200: jsonAnswer('The dead-letter list', PortalDeadLetters), 403: { description: 'Not an admin of this province, nor ministry staff' } },
      }),
      validate('param', TenantParam),
      async (c) =>
        c.json(
          (await listPortalDeadLetters({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies Wire<v.InferOutput<typeof PortalDeadLetters>>,
        ),
    )
    .post(
      '/:tenantId/national-portal/dead-letters/:id/replay',
      describeRoute({
        tags,
        summary: 'Sends a dead record again with a fresh set of attempts; the dossier’s later records follow it in order',
        responses: {
          200: jsonAnswer('Queued again', PortalReplay),
          403: { description: 'Not the province admin of this province, nor the ministry admin' },
          404: { description: 'No such dead record in this province (it may have been replayed already)' },
        },
      }),
      validate('param', DeadLetterParam),
      async (c) => c.json((await replayPortalDeadLetter({ ctx: c.get('ctx'), ...c.req.valid('param') })) satisfies Wire<v.InferOutput<typeof PortalReplay>>),
    );
}
