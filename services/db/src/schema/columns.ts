import { sql } from 'drizzle-orm';
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.js';

/**
 * Every tenant-owned table starts with these. The tenant id leads the primary key and every
 * foreign and unique key (docs/architecture.md: no cross-tenant existence leaks, Citus-ready).
 */
export const tenantColumns = () => ({
  tenantId: uuid()
    .notNull()
    .references(() => tenants.id),
  id: uuid().notNull().defaultRandom(),
});

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/**
 * Accent-free, lower-case copy of a Vietnamese name for search under RLS: equality and range
 * comparisons on text are leakproof, so "nguyen van a" becomes an index range scan where
 * ILIKE or unaccent() could not use an index (docs/architecture.md, measured 402 ms vs 0.04 ms).
 */
export const searchColumn = (source: string) => text().generatedAlwaysAs(sql.raw(`gov_search_normalize(${source})`));
