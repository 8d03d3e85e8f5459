import { vietnamYear } from '@gov/calendar';
import { computeDueDate, ComputeDueDate, getTenantCalendar, TenantCalendarSettings, updateTenantCalendar } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';

const tags = ['working calendar'];
const YearQuery = v.object({ year: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/), v.transform(Number))) });
const DueDate = v.object({ receivedAt: v.string(), dueAt: v.string(), dueAtLocal: v.string(), amount: v.number(), unit: v.string() });

/** A province's working calendar (lịch làm việc): hours, local days off or on, and due dates. */
export function calendarRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/calendar',
      describeRoute({ tags, summary: 'Hours, overrides and the year’s effective holidays' }),
      validate('param', TenantParam),
      validate('query', YearQuery),
      async (c) => {
        // The year shown by default is the current one in Vietnam (UTC+7).
        const year = c.req.valid('query').year ?? vietnamYear(Date.now());
        return c.json(await getTenantCalendar({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: { year } }));
      },
    )
    .put(
      '/:tenantId/calendar',
      describeRoute({ tags, summary: 'Replace working hours and local overrides' }),
      validate('param', TenantParam),
      validate('json', TenantCalendarSettings),
      async (c) => c.json(await updateTenantCalendar({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })),
    )
    .post(
      '/:tenantId/calendar/due-date',
      describeRoute({
        tags,
        summary: 'Promised return date for a dossier received at `receivedAt`',
        responses: { 200: { description: 'The due date', content: { 'application/json': { schema: resolver(DueDate) } } } },
      }),
      validate('param', TenantParam),
      validate('json', ComputeDueDate),
      async (c) => c.json(await computeDueDate({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })),
    );
}
