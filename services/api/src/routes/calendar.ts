import { vietnamYear } from '@gov/calendar';
import { computeDueDate, ComputeDueDate, getTenantCalendar, TenantCalendarSettings, updateTenantCalendar } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { Revision } from './admin-schemas.js';
import { jsonAnswer, type Wire } from './answer.js';
import { TenantParam } from './params.js';

const tags = ['working calendar'];
const YearQuery = v.object({ year: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/), v.transform(Number))) });
/** The year's view: the saved settings, and every special day after local overrides. */
const CalendarYear = v.object({
  year: v.number(),
  ...TenantCalendarSettings.entries,
  revision: Revision,
  nationalSource: v.pipe(v.object({ vi: v.string(), en: v.string() }), v.description('Where the national schedule of this year comes from')),
  specialDays: v.array(
    v.object({
      date: v.pipe(v.string(), v.isoDate()),
      status: v.picklist(['off', 'work']),
      kind: v.picklist(['holiday', 'compensatory', 'bridge', 'make-up', 'local']),
      name: v.string(),
      verified: v.pipe(v.boolean(), v.description('False when derived from rules rather than an official text')),
    }),
  ),
});
/** The settings as saved, with their new revision. */
const SavedCalendar = v.object({ ...TenantCalendarSettings.entries, revision: Revision });
const DueDate = v.object({ receivedAt: v.string(), dueAt: v.string(), dueAtLocal: v.string(), amount: v.number(), unit: v.string() });

/** A province's working calendar (lịch làm việc): hours, local days off or on, and due dates. */
export function calendarRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/calendar',
      describeRoute({ tags, summary: 'Hours, overrides and the year’s effective holidays', responses: { 200: jsonAnswer('The year', CalendarYear) } }),
      validate('param', TenantParam),
      validate('query', YearQuery),
      async (c) => {
        // The year shown by default is the current one in Vietnam (UTC+7).
        const year = c.req.valid('query').year ?? vietnamYear(Date.now());
        return c.json(
          withETag(c, await getTenantCalendar({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: { year } })) satisfies Wire<
            v.InferOutput<typeof CalendarYear>
          >,
        );
      },
    )
    .put(
      '/:tenantId/calendar',
      describeRoute(
        conditional({
          tags,
          summary: 'Replace working hours and local overrides',
          description: 'If-Match takes the ETag of GET …/calendar; a province that never saved settings is at `"0"`.',
          responses: { 200: jsonAnswer('The settings as saved', SavedCalendar) },
        }),
      ),
      validate('param', TenantParam),
      validate('json', TenantCalendarSettings),
      async (c) =>
        c.json(
          withETag(
            c,
            await updateTenantCalendar({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, ifMatch: ifMatchOf(c), input: c.req.valid('json') }),
          ) satisfies v.InferOutput<typeof SavedCalendar>,
        ),
    )
    .post(
      '/:tenantId/calendar/due-date',
      describeRoute({
        tags,
        summary: 'Promised return date for a dossier received at `receivedAt`',
        responses: { 200: jsonAnswer('The due date', DueDate) },
      }),
      validate('param', TenantParam),
      validate('json', ComputeDueDate),
      async (c) =>
        c.json(
          (await computeDueDate({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })) satisfies v.InferOutput<
            typeof DueDate
          >,
        ),
    );
}
