import { addCalendarDays, addWorkingDays, addWorkingHours, buildCalendar, CalendarError, vietnamIsoWithOffset, vietnamYear } from '@gov/calendar';
import { withTenant } from '@gov/db';
import { invalid } from '@gov/domain';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadCalendarSettings, toCalendarInput } from './calendar-settings.js';

export const ComputeDueDate = v.object({
  /** ISO 8601 with an offset, e.g. `2026-02-13T18:30:00+07:00`. */
  receivedAt: v.pipe(v.string(), v.isoTimestamp('thời điểm có dạng ISO 8601, ví dụ 2026-02-13T18:30:00+07:00')),
  amount: v.pipe(v.number(), v.minValue(0), v.maxValue(365)),
  unit: v.picklist(['working_days', 'working_hours', 'calendar_days']),
});
export type ComputeDueDate = v.InferOutput<typeof ComputeDueDate>;

/** `2026-02-27T17:00:00+07:00`: the promised date as printed, in Vietnam time. */
function vietnamIso(at: Date): string {
  return vietnamIsoWithOffset(at);
}

/**
 * The promised return date (ngày hẹn trả) for a dossier received at `receivedAt`, on the
 * province's calendar. An after-hours receipt counts from the next working period
 * (docs/domain/working-time.md); rules are @gov/calendar's.
 */
export async function computeDueDate({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ComputeDueDate }) {
  assertCan(ctx, 'read', 'Calendar', { tenantId });
  const data = parseInput(ComputeDueDate, input);
  const receivedAt = new Date(data.receivedAt);
  const settings = await withTenant(ctx.sql, tenantId, (tx) => loadCalendarSettings(tx, tenantId));
  const year = vietnamYear(receivedAt);
  try {
    // Two years ahead covers any statutory time up to a year from a late-December receipt.
    const calendar = buildCalendar(toCalendarInput(settings, year, year + 2));
    const dueAt =
      data.unit === 'working_days'
        ? addWorkingDays(calendar, receivedAt, data.amount)
        : data.unit === 'working_hours'
          ? addWorkingHours(calendar, receivedAt, data.amount)
          : addCalendarDays(calendar, receivedAt, data.amount);
    return { receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString(), dueAtLocal: vietnamIso(dueAt), amount: data.amount, unit: data.unit };
  } catch (error) {
    if (error instanceof CalendarError) throw invalid({ vi: `Không tính được hạn trả: ${error.message}`, en: `Cannot compute the due date: ${error.message}` });
    throw error;
  }
}
