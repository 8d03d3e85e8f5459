import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
