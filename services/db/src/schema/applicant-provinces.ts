import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * The provinces in which a citizen account is the applicant of at least one dossier, so "Hồ sơ
 * của tôi" knows which provinces' tables to read. Says only *where* someone filed, never what.
 * Under forced RLS like every table with a tenant: officers see their province's rows, a citizen
 * only their own (withUser), before any tenant is chosen. Written in the intake transaction,
 * insert-only for the app (0019, 0025 in migrations/).
 */
export const applicantProvinces = pgTable(
  'applicant_provinces',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    firstFiledAt: timestamp({ withTimezone: true }).notNull(),
  },
  // The tenant leads the key as on every tenant table; the citizen's own lookup has its index.
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index('applicant_provinces_user_idx').on(t.userId)],
);
