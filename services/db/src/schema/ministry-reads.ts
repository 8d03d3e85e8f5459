import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * Ministry reads (Bộ đã xem dữ liệu của tỉnh): one row per request in which ministry staff read a
 * province's data, append-only for the app (migrations/*_create-ministry-reads.sql). `tenantId`
 * null is a report over every province. `resource` is the method and route pattern; `resourceIds` keeps only
 * id-shaped path parameters, never a query string (which may carry a citizen ID number).
 */
export const ministryReads = pgTable(
  'ministry_reads',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid().references(() => tenants.id),
    actorUserId: uuid()
      .notNull()
      .references(() => users.id),
    resource: text().notNull(),
    resourceIds: jsonb().$type<Record<string, string>>(),
    requestId: text(),
    occurredAt: createdAt(),
  },
  (t) => [index('ministry_reads_tenant_idx').on(t.tenantId, t.occurredAt.desc())],
);
