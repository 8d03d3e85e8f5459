import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * The provinces in which a citizen account is the applicant of at least one dossier, so "Hồ sơ
 * của tôi" knows which provinces' tables to read. Global on purpose, like `users`: it is read
 * before any tenant is chosen, and says only *where* someone filed, never what. Written in the
 * intake transaction, insert-only for the app (0019_grant-and-backfill-applicant-provinces.sql).
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
  // The user leads the key: the only read is "this user's provinces".
  (t) => [primaryKey({ columns: [t.userId, t.tenantId] })],
);
