import { schema, type TenantDb } from '@gov/db';
import type { DossierCalendarInput } from '@gov/domain';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';

const Time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ có dạng HH:MM'));
const Period = v.pipe(
  v.object({ start: Time, end: Time }),
  v.check((p) => p.start < p.end, 'giờ bắt đầu phải trước giờ kết thúc'),
);
const Periods = v.pipe(v.array(Period), v.maxLength(6));
const IsoDate = v.pipe(v.string(), v.isoDate('ngày có dạng YYYY-MM-DD'));

/**
 * A province's working-time settings: @gov/calendar's `WorkingHoursInput` and `DayOverride[]`
 * as validated data. Omitted parts fall back to the national defaults (07:30–11:30, 13:00–17:00).
 */
export const TenantCalendarSettings = v.object({
  workingHours: v.optional(
    v.object({
      weekday: v.optional(Periods),
      /** 0 = Sunday … 6 = Saturday; `[]` makes that day non-working. */
      byWeekday: v.optional(v.record(v.picklist(['0', '1', '2', '3', '4', '5', '6']), Periods)),
      makeUpDay: v.optional(Periods),
    }),
    {},
  ),
  /** Local decisions (ngày nghỉ / làm việc riêng của tỉnh); they win over the national schedule. */
  overrides: v.optional(
    v.pipe(
      v.array(v.object({ date: IsoDate, status: v.picklist(['off', 'work']), name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)) })),
      v.maxLength(500),
      v.check((list) => new Set(list.map((o) => o.date)).size === list.length, 'mỗi ngày chỉ được khai báo một lần'),
    ),
    [],
  ),
});
export type TenantCalendarSettings = v.InferOutput<typeof TenantCalendarSettings>;

/** The stored settings, or the national defaults when the province has saved none. */
export async function loadCalendarSettings(tx: TenantDb, tenantId: string): Promise<TenantCalendarSettings & { revision: number }> {
  const c = schema.tenantCalendars;
  const [row] = await tx.select().from(c).where(eq(c.tenantId, tenantId));
  // Revision 0: nothing saved yet, the national defaults apply.
  return { workingHours: row?.workingHours ?? {}, overrides: (row?.overrides ?? []) as TenantCalendarSettings['overrides'], revision: row?.revision ?? 0 };
}

/**
 * The plain-data calendar input that dossier workflows rebuild their calendar from (Temporal
 * payloads cannot carry the built calendar's Map). Years cover the receipt year and the next,
 * so a deadline spanning New Year still resolves.
 */
export function toCalendarInput(settings: TenantCalendarSettings, fromYear: number, toYear = fromYear + 1): DossierCalendarInput {
  const byWeekday = settings.workingHours.byWeekday
    ? Object.fromEntries(Object.entries(settings.workingHours.byWeekday).map(([day, periods]) => [Number(day), periods]))
    : undefined;
  return {
    fromYear,
    toYear,
    workingHours: { ...settings.workingHours, ...(byWeekday ? { byWeekday } : {}) },
    overrides: settings.overrides,
  };
}

/** For the intake and workflow code: a tenant's calendar input, read inside its transaction. */
export async function loadTenantCalendarInput(tx: TenantDb, tenantId: string, fromYear: number, toYear = fromYear + 1): Promise<DossierCalendarInput> {
  return toCalendarInput(await loadCalendarSettings(tx, tenantId), fromYear, toYear);
}
