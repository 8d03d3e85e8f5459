import { addCalendarDays, addWorkingMinutes, buildCalendar, DEFAULT_MINUTES_PER_WORKING_DAY, workingMinutesBetween } from '@gov/calendar';
import type { DossierCalendarInput, DossierClock, StatutoryTime } from '@gov/domain';

/**
 * Working-time arithmetic for one dossier. Production follows the province's calendar
 * (lịch làm việc); tests inject a clock where working time runs continuously and fast, so
 * deadline scenarios take seconds and do not depend on the weekday the suite runs.
 */
export interface TimeModel {
  addWorkingMinutes(at: Date, minutes: number): Date;
  workingMinutesBetween(from: Date, to: Date): number;
  /** The statutory processing time (thời hạn giải quyết) counted from `at`. */
  addStatutory(at: Date, time: StatutoryTime): Date;
}

export function createTimeModel(calendar: DossierCalendarInput, clock?: DossierClock): TimeModel {
  if (clock) return scaledModel(clock.msPerWorkingHour);
  const cal = buildCalendar(calendar);
  return {
    addWorkingMinutes: (at, minutes) => addWorkingMinutes(cal, at, minutes),
    workingMinutesBetween: (from, to) => workingMinutesBetween(cal, from, to),
    addStatutory: (at, time) => {
      switch (time.unit) {
        case 'working_days':
          return addWorkingMinutes(cal, at, time.amount * cal.minutesPerWorkingDay);
        case 'working_hours':
          return addWorkingMinutes(cal, at, time.amount * 60);
        case 'calendar_days':
          return addCalendarDays(cal, at, time.amount);
      }
    },
  };
}

function scaledModel(msPerWorkingHour: number): TimeModel {
  const msPerMinute = msPerWorkingHour / 60;
  const add = (at: Date, minutes: number) => new Date(at.getTime() + Math.round(minutes * msPerMinute));
  return {
    addWorkingMinutes: add,
    workingMinutesBetween: (from, to) => (to.getTime() - from.getTime()) / msPerMinute,
    // A calendar day counts as one working day of the default length on the test clock.
    addStatutory: (at, time) => add(at, time.amount * (time.unit === 'working_hours' ? 60 : DEFAULT_MINUTES_PER_WORKING_DAY)),
  };
}
