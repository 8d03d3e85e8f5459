import { buildCalendar, CalendarError } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { invalid } from '@gov/domain';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { TenantCalendarSettings, toCalendarInput } from './calendar-settings.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

/** A province admin replaces its working hours and local overrides (whole document, like PUT). */
export async function updateTenantCalendar({ ctx, tenantId, ifMatch, input }: { ctx: ServiceContext; tenantId: string; ifMatch: IfMatch; input: unknown }) {
  assertCan(ctx, 'update', 'Calendar', { tenantId });
  const settings = parseInput(TenantCalendarSettings, input);
  try {
    // The calendar package is the judge of what it can compute with (e.g. overlapping periods).
    buildCalendar(toCalendarInput(settings, 2025, 2027));
  } catch (error) {
    if (error instanceof CalendarError) throw invalid({ vi: `Lịch làm việc không hợp lệ: ${error.message}`, en: `Invalid working calendar: ${error.message}` });
    throw error;
  }
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const c = schema.tenantCalendars;
    const values = { workingHours: settings.workingHours, overrides: settings.overrides, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() };
    const [saved] = await tx
      .insert(c)
      .values({ tenantId, ...values })
      .onConflictDoUpdate({ target: c.tenantId, set: values })
      .returning({ revision: c.revision });
    // A province without saved settings is at revision 0 (the national defaults).
    assertBasedOn(ifMatch, saved!);
    await audit(tx, ctx, {
      tenantId,
      action: 'calendar.updated',
      subjectType: 'calendar',
      subjectId: tenantId,
      details: { workingHours: settings.workingHours, overrides: settings.overrides.length },
    });
    return { ...settings, revision: saved!.revision };
  });
}
