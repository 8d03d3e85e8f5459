/**
 * @gov/calendar: working-time calendar for legal deadlines (lịch làm việc, tính hạn xử lý).
 *
 * Pure and deterministic: no I/O, no clock, no Node built-ins, no host time zone. Safe to import
 * from Temporal workflow code and the browser. Build a calendar once per tenant with
 * `buildCalendar`, then pass it to the arithmetic functions.
 */
export { buildCalendar, DEFAULT_MINUTES_PER_WORKING_DAY } from './build-calendar.js';
export {
  addVietnamMonths,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  VIETNAM_TIME_ZONE,
  VIETNAM_UTC_OFFSET,
  VIETNAM_UTC_OFFSET_MINUTES,
  VIETNAM_UTC_OFFSET_MS,
  vietnamDate,
  vietnamInstant,
  vietnamIsoWithOffset,
  vietnamLocalDateTime,
  vietnamYear,
  vietnamYearStart,
} from './vietnam-time.js';
export {
  calendarDaysAsWorkingHours,
  FEEDBACK_ANSWER_WORKING_DAYS,
  ONLINE_RECEPTION_WORKING_HOURS,
  ONLINE_RECEPTION_WORKING_MINUTES,
  WORKING_HOURS_PER_DAY,
} from './legal-durations.js';
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  isWorkingInstant,
  nextWorkingInstant,
  subtractWorkingDays,
  workingMinutesBetween,
} from './working-time.js';
export { addCalendarDays } from './calendar-days.js';
export { defaultNationalSchedule, listSpecialDays } from './list-special-days.js';
export { generateYearSchedule } from './holiday-rules.js';
export { lunarToSolar, solarToLunar, type LunarDate } from './lunar.js';
export { DEFAULT_WEEKDAY_PERIODS } from './working-hours.js';
export { CalendarError, type CalendarErrorCode } from './errors.js';
export type { BuildCalendarInput, DayOverride, DayRule, DayRuleKind, PeriodInput, Weekday, WorkingCalendar, WorkingHoursInput, YearSchedule } from './types.js';
