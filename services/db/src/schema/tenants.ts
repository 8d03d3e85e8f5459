import { sql } from 'drizzle-orm';
import { boolean, check, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { revision } from './revision.js';

export const tenantKind = pgEnum('tenant_kind', ['province', 'municipality']);

/**
 * A tenant is a province (tỉnh) or centrally-run city (thành phố trực thuộc trung ương).
 * The id is the stable identity: provinces have been merged before (63 → 34 in 2025), so the
 * official code and names are attributes that may change without touching any foreign key.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique('tenants_code_key'),
    name: text().notNull(),
    fullName: text().notNull(),
    kind: tenantKind().notNull(),
    /** The province requires its officers to sign in with VNeID; their password sign-in is refused. */
    officersVneidOnly: boolean().notNull().default(false),
    /** An open dossier with no action for more than this many working days is "stuck" (docs/domain/work-lists.md). */
    stuckAfterWorkingDays: smallint().notNull().default(3),
    /** Months after a dossier closed before the archive run moves it to archive storage (docs/domain/archive-and-retention.md). */
    archiveAfterMonths: smallint().notNull().default(12),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revision: revision(),
  },
  (t) => [
    check('tenants_stuck_after_working_days_check', sql`${t.stuckAfterWorkingDays} between 1 and 60`),
    check('tenants_archive_after_months_check', sql`${t.archiveAfterMonths} between 1 and 120`),
  ],
);
