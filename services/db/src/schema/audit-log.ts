import { sql } from 'drizzle-orm';
import { bigint, customType, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { tenants } from './tenants.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Append-only audit log, hash-chained per tenant: each row's hash covers its content and the
 * previous row's hash, so editing or deleting a row breaks every later link. `seq`, `prevHash`
 * and `hash` are filled by a trigger (migrations/*_chain-audit-log.sql); the app role may only
 * INSERT and SELECT.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    // Filled by the chain trigger; the defaults only let an INSERT leave them out.
    seq: bigint({ mode: 'number' }).notNull().default(0),
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
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);

/** The head of each tenant's chain; locked by the trigger so concurrent inserts stay linear. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id),
  lastSeq: bigint({ mode: 'number' }).notNull(),
  lastHash: bytea().notNull(),
  updatedAt: createdAt(),
});
