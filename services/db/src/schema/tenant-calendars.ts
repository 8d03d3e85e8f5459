import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { revision } from './revision.js';
import { sql } from 'drizzle-orm';
import { tenants } from './tenants.js';

/**
 * A province's working-time settings (lịch làm việc của tỉnh): working hours per weekday and
 * local day overrides, in @gov/calendar's `WorkingHoursInput` / `DayOverride[]` shapes. One row
 * per tenant; no row means the national defaults. National holidays are not stored here: they
 * are data in @gov/calendar.
 */
export const tenantCalendars = pgTable('tenant_calendars', {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id),
  workingHours: jsonb()
    .notNull()
    .default(sql`'{}'::jsonb`),
  overrides: jsonb()
    .notNull()
    .default(sql`'[]'::jsonb`),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revision: revision(),
});
