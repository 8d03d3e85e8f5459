import { getWorkListSettings, listWorkList, setWorkListSettings, WorkListSettings, type WorkListName } from '@gov/core';
import { Hono } from 'hono';
import { createFactory } from 'hono/factory';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { Revision } from './admin-schemas.js';
import { jsonAnswer, type Wire } from './answer.js';
import { PageQuery, TenantParam } from './params.js';
import { WorkListPage } from './work-list-schemas.js';

const tags = ['work lists'];
const Id = (what: string) => v.optional(v.pipe(v.string(), v.uuid(`${what} không hợp lệ`)));

const WorkListQuery = v.object({
  unitId: v.pipe(Id('mã đơn vị'), v.description('Only dossiers whose current unit is this unit or below it; it must be within the caller’s units')),
  procedureCode: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'mã thủ tục không được để trống'), v.maxLength(20, 'mã thủ tục quá dài'))),
  officerId: v.pipe(Id('mã cán bộ'), v.description('Only dossiers whose open step is assigned to this officer')),
  ...PageQuery.entries,
});

const SettingsState = v.object({ ...WorkListSettings.entries, revision: Revision });
const settings = (description: string) => jsonAnswer(description, SettingsState);

const SUMMARIES: Record<WorkListName, string> = {
  overdue: 'Open dossiers past their due date or marked overdue, longest overdue first',
  near_due: 'Open dossiers the workflow flagged near-due and not yet overdue, soonest due first',
  stuck: 'Open dossiers with no action for more than the province’s number of working days (its calendar), longest idle first',
};

const REFUSALS = {
  400: { description: 'A filter is malformed, or the unit is not one of this province' },
  403: { description: 'Not a reader of this province’s reports, or the unit is outside the caller’s units' },
};

/**
 * Province monitoring (giám sát hồ sơ): the work lists of a province for its admins and leaders,
 * a unit's for its leaders and admins, read-only for ministry staff (their reads are recorded by
 * the ministry-reads middleware, as on every province path). Each answers one page.
 */
export function workListRoutes() {
  // One set of handlers for the three lists; each route keeps a literal path, so the typed client knows it.
  const handlers = (list: WorkListName) =>
    createFactory<AppEnv>().createHandlers(
      describeRoute({ tags, summary: SUMMARIES[list], responses: { 200: jsonAnswer('One page', WorkListPage), ...REFUSALS } }),
      validate('param', TenantParam),
      validate('query', WorkListQuery),
      async (c) =>
        c.json(
          (await listWorkList({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, list, input: c.req.valid('query') })) satisfies Wire<
            v.InferOutput<typeof WorkListPage>
          >,
        ),
    );
  return new Hono<AppEnv>()
    .get('/:tenantId/work-lists/overdue', ...handlers('overdue'))
    .get('/:tenantId/work-lists/near-due', ...handlers('near_due'))
    .get('/:tenantId/work-lists/stuck', ...handlers('stuck'))
    .get(
      '/:tenantId/work-lists/settings',
      describeRoute({
        tags,
        summary: 'After how many working days without action a dossier counts as stuck',
        responses: { 200: settings('The settings in force') },
      }),
      validate('param', TenantParam),
      async (c) =>
        c.json(
          withETag(c, await getWorkListSettings({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies v.InferOutput<typeof SettingsState>,
        ),
    )
    .put(
      '/:tenantId/work-lists/settings',
      describeRoute(
        conditional({
          tags,
          summary: 'A province admin sets after how many working days (1–60) without action a dossier counts as stuck',
          responses: { 200: settings('The settings now in force'), 403: { description: 'Not a province admin of this province' } },
        }),
      ),
      validate('param', TenantParam),
      validate('json', WorkListSettings),
      async (c) =>
        c.json(
          withETag(
            c,
            await setWorkListSettings({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, ifMatch: ifMatchOf(c), input: c.req.valid('json') }),
          ) satisfies v.InferOutput<typeof SettingsState>,
        ),
    );
}
