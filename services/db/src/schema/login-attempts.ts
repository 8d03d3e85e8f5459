import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * Recent login attempts, for rate limiting per account and per address across every API
 * instance. The login is stored lower-cased; old rows are pruned by the auth service.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    login: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    attemptedAt: createdAt(),
  },
  (t) => [index('login_attempts_login_idx').on(t.login, t.attemptedAt), index('login_attempts_ip_idx').on(t.ip, t.attemptedAt)],
);

/**
 * Request counters shared by every API process (rate limits must hold behind a balancer). One
 * row per key, its window opened by the key's first request; see services/core/src/auth/request-counts.ts.
 */
export const requestCounts = pgTable(
  'request_counts',
  {
    bucket: text().primaryKey(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull().default(1),
  },
  (t) => [index('request_counts_window_idx').on(t.windowStart)],
);
