/** Public data types of the working-time calendar. */
import type { Weekday } from './civil-date.js';

export type { Weekday } from './civil-date.js';

/** A working period in local wall-clock time, `HH:MM`, start inclusive, end exclusive. */
export interface PeriodInput {
  readonly start: string;
  readonly end: string;
}

/** Per-tenant working hours (giờ làm việc). */
export interface WorkingHoursInput {
  /** Periods for Monday–Friday. Default 07:30–11:30 and 13:00–17:00 (docs/domain/working-time.md, unverified). */
  readonly weekday?: readonly PeriodInput[];
  /** Per-weekday replacement, 0 = Sunday … 6 = Saturday; `[]` makes that weekday non-working. */
  readonly byWeekday?: Partial<Record<Weekday, readonly PeriodInput[]>>;
  /** Periods on an official make-up working day (ngày làm bù). Default: `weekday`. */
  readonly makeUpDay?: readonly PeriodInput[];
}

/** Why a date is special. */
export type DayRuleKind =
  /** Public holiday under Labour Code 2019 Art. 112 (ngày nghỉ lễ, tết). */
  | 'holiday'
  /** Day off because a holiday fell on a weekly rest day (nghỉ bù, Labour Code 2019 Art. 111(3)). */
  | 'compensatory'
  /** Working day swapped to join holidays to a weekend (ngày hoán đổi), set by the government. */
  | 'bridge'
  /** Weekly rest day worked instead of a bridge day (ngày làm bù). */
  | 'make-up'
  /** A tenant's (province's) own decision. */
  | 'local';

/** One special date in a schedule. */
export interface DayRule {
  /** Local civil date, `YYYY-MM-DD`. */
  readonly date: string;
  /** `off`: no working hours that day. `work`: a working day even if it is a weekend. */
  readonly status: 'off' | 'work';
  readonly kind: DayRuleKind;
  /** Label for display, Vietnamese. */
  readonly name: string;
  /** False when the entry is derived from rules or from secondary sources, not an official text. */
  readonly verified: boolean;
}

/** The national schedule of one civil year (lịch nghỉ lễ, tết). */
export interface YearSchedule {
  readonly year: number;
  /** Official text or how the schedule was derived, for the people who read the calendar. */
  readonly source: { readonly vi: string; readonly en: string };
  readonly days: readonly DayRule[];
}

/** A tenant's local change; it wins over the national schedule on the same date. */
export interface DayOverride {
  readonly date: string;
  readonly status: 'off' | 'work';
  readonly name: string;
}

export interface BuildCalendarInput {
  /** First and last civil years the calendar covers; computations outside them throw. */
  readonly fromYear: number;
  readonly toYear: number;
  readonly workingHours?: WorkingHoursInput;
  /** Tenant overrides (ngày nghỉ / ngày làm việc riêng của tỉnh). */
  readonly overrides?: readonly DayOverride[];
  /**
   * National schedules that replace the shipped data or the rule-generated default for their
   * years, e.g. a newly published year loaded from the database.
   */
  readonly schedules?: readonly YearSchedule[];
  /** Offset of local time from UTC in minutes. Default 420 (Vietnam, UTC+7, no DST). */
  readonly utcOffsetMinutes?: number;
  /** Working minutes in one working day. Default 480 (8 h, docs/domain/working-time.md). */
  readonly minutesPerWorkingDay?: number;
}

/** A working period as milliseconds after local midnight, `[startMs, endMs)`. */
export interface DayPeriod {
  readonly startMs: number;
  readonly endMs: number;
}

/** Built calendar: immutable data, safe to share and to build inside workflow code. */
export interface WorkingCalendar {
  readonly utcOffsetMinutes: number;
  readonly minutesPerWorkingDay: number;
  readonly fromYear: number;
  readonly toYear: number;
  /** Inclusive epoch-day bounds of the covered years. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Periods per weekday, index 0 = Sunday. */
  readonly weekPeriods: readonly (readonly DayPeriod[])[];
  readonly makeUpDayPeriods: readonly DayPeriod[];
  /** Effective special days (national merged with tenant overrides), keyed by epoch day. */
  readonly specialDays: ReadonlyMap<number, DayRule>;
}
