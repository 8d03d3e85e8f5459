import { buildCalendar, defaultNationalSchedule, listSpecialDays } from '@gov/calendar';
import { withTenant } from '@gov/db';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadCalendarSettings, toCalendarInput } from './calendar-settings.js';

export const GetTenantCalendar = v.object({ year: v.pipe(v.number(), v.integer(), v.minValue(1968), v.maxValue(2199)) });
export type GetTenantCalendar = v.InferOutput<typeof GetTenantCalendar>;

/**
 * What the admin screen shows: the province's hours and overrides, and the year's effective
 * special days (national holidays, bridges, make-up days, merged with the local overrides).
 */
export async function getTenantCalendar({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: GetTenantCalendar }) {
  assertCan(ctx, 'read', 'Calendar', { tenantId });
  const { year } = parseInput(GetTenantCalendar, input);
  const settings = await withTenant(ctx.sql, tenantId, (tx) => loadCalendarSettings(tx, tenantId));
  const calendar = buildCalendar(toCalendarInput(settings, year, year));
  const national = defaultNationalSchedule(year);
  return { year, ...settings, nationalSource: national.source, specialDays: listSpecialDays(calendar, year) };
}
