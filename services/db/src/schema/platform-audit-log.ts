import { sql } from 'drizzle-orm';
import { bigint, customType, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Audit of platform-level changes that belong to no province (the ministry's catalog and default
 * processes). Same hash-chain idea as `audit_log`, one chain for the platform: `seq`, `prevHash`
 * and `hash` are filled by a trigger (migrations/*_chain-platform-audit-log.sql); the app role
 * may only INSERT and SELECT.
 */
export const platformAuditLog = pgTable('platform_audit_log', {
  seq: bigint({ mode: 'number' }).primaryKey().default(0),
  occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid(),
  action: text().notNull(),
  subjectType: text().notNull(),
  subjectId: text(),
  details: jsonb(),
  requestId: text(),
  prevHash: bytea()
    .notNull()
    .default(sql`'\\x'::bytea`),
  hash: bytea()
    .notNull()
    .default(sql`'\\x'::bytea`),
});
