import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';

/**
 * Transactional outbox: written in the same transaction as the change it announces (a dossier to
 * start, a notification to send); a relay delivers it and stamps `dispatchedAt`.
 */
export const outbox = pgTable(
  'outbox',
  {
    ...tenantColumns(),
    topic: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: createdAt(),
    attempts: integer().notNull().default(0),
    dispatchedAt: timestamp({ withTimezone: true }),
  },
  // Only undelivered rows are ever looked up (by the relay, every poll): a partial index stays
  // as small as the backlog, however long the delivered history grows.
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('outbox_pending_idx')
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.dispatchedAt} is null`),
  ],
);
