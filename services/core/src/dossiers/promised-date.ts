import { addCalendarDays, addWorkingDays, addWorkingHours, buildCalendar, type WorkingCalendar } from '@gov/calendar';
import type { DossierCalendarInput, StatutoryTime } from '@gov/domain';

// Building a calendar computes lunar holidays for each year: cache the few distinct settings
// (one per province, changed rarely) instead of rebuilding them on every submission.
const cache = new Map<string, WorkingCalendar>();

function calendarFor(input: DossierCalendarInput): WorkingCalendar {
  const key = JSON.stringify(input);
  let calendar = cache.get(key);
  if (!calendar) {
    if (cache.size > 200) cache.clear();
    calendar = buildCalendar(input);
    cache.set(key, calendar);
  }
  return calendar;
}

/**
 * The promised return date printed on the receipt (ngày hẹn trả, Form 01): the statutory time
 * counted on the province's working calendar from the receipt instant; an after-hours receipt
 * counts from the next working period (@gov/calendar's rules, docs/domain/working-time.md).
 */
export function promisedReturnAt(calendar: DossierCalendarInput, receivedAt: Date, time: StatutoryTime): Date {
  const cal = calendarFor(calendar);
  switch (time.unit) {
    case 'working_days':
      return addWorkingDays(cal, receivedAt, time.amount);
    case 'working_hours':
      return addWorkingHours(cal, receivedAt, time.amount);
    case 'calendar_days':
      return addCalendarDays(cal, receivedAt, time.amount);
  }
}
