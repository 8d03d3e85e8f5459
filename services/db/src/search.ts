import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Accent- and case-insensitive prefix search on a `*_search` generated column, written as a
 * range over the C collation: `>=` and `<` on text are leakproof, so the (tenant_id, column)
 * index is used under row-level security, where ILIKE or unaccent() would force a scan of the
 * whole tenant (docs/architecture.md). The term is normalised by the same SQL function that fills
 * the column, so "NGUYỄN văn a" and "nguyen van a" match "Nguyễn Văn A" alike.
 */
export function searchPrefix(column: AnyPgColumn, term: string): SQL {
  const normalized = sql`gov_search_normalize(${term})`;
  return sql`(${column} collate "C" >= ${normalized} collate "C" and ${column} collate "C" < (${normalized} || chr(1114111)) collate "C")`;
}
