import { Column, is, SQL, type Query } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Sql } from '../client.js';
import type { TenantDb } from './with-tenant.js';

/** A drizzle select with a flat selection (no nested objects): what a cursor can read. */
export interface StreamableSelect<R> {
  toSQL(): Query;
  readonly _: { readonly selectedFields: Record<string, unknown>; readonly result: R[] };
}

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/** drizzle keeps an expression's `mapWith` decoder on a member its types mark internal; it runs it the same way. */
const decoderOf = (expression: SQL) => (expression as unknown as { decoder: Decoder }).decoder;

/**
 * How drizzle turns each selected field's driver value into the row's value: a column's own
 * mapping (timestamps arrive as text, see the drizzle driver's parsers), an `sql` expression's
 * `mapWith`, an aliased expression's inner one.
 */
function decoders(fields: Record<string, unknown>): [string, Decoder][] {
  return Object.entries(fields).map(([key, field]) => {
    if (is(field, Column)) return [key, field];
    if (is(field, SQL)) return [key, decoderOf(field)];
    if (is(field, SQL.Aliased)) return [key, decoderOf(field.sql)];
    throw new TypeError(`streamRows: field ${key} is not a column or an sql expression (a flat selection only)`);
  });
}

/** Rows per round trip: large enough to keep the cursor's overhead small, small enough to stay light. */
const BATCH = 500;

/**
 * Reads a select's rows with a server-side cursor in one transaction on a reserved connection,
 * `BATCH` at a time, so an export of a million rows never holds more than one batch. The
 * connection stays reserved while the caller iterates; stopping early (break, return, a thrown
 * error) closes the cursor, rolls back and releases it.
 */
export async function* streamInTransaction<R>(
  sql: Sql,
  open: (conn: postgres.ReservedSql) => Promise<unknown>[],
  bind: (conn: postgres.ReservedSql) => TenantDb,
  build: (tx: TenantDb) => StreamableSelect<R>,
): AsyncGenerator<R, void, undefined> {
  const conn = await sql.reserve();
  let committed = false;
  try {
    await Promise.all(open(conn));
    const query = build(bind(conn));
    const fields = decoders(query._.selectedFields);
    const { sql: text, params } = query.toSQL();
    const cursor = conn
      .unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })
      .values()
      .cursor(BATCH);
    for await (const batch of cursor) {
      for (const values of batch) {
        const row: Record<string, unknown> = {};
        fields.forEach(([key, decoder], i) => {
          const value: unknown = values[i];
          row[key] = value === null ? null : decoder.mapFromDriverValue(value);
        });
        yield row as R;
      }
    }
    await conn`commit`;
    committed = true;
  } finally {
    if (!committed) await conn`rollback`.catch(() => undefined);
    conn.release();
  }
}
