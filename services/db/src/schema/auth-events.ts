import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * Sign-in events (login, logout, failure, lockout), append-only. Global because a failed login
 * may name no known account and so no tenant; tenant-scoped changes go to audit_log.
 */
export const authEvents = pgTable(
  'auth_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    userId: uuid(),
    /** The login as typed, lower-cased: needed to investigate brute force against an account. */
    login: text(),
    ip: text(),
    details: jsonb(),
    requestId: text(),
    occurredAt: createdAt(),
  },
  (t) => [index('auth_events_user_idx').on(t.userId, t.occurredAt)],
);
