import { sql as drizzleSql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PostgresJsDatabase, PostgresJsSession } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Sql } from '../client.js';
import { preparedByDefault } from '../prepared-client.js';
import { streamInTransaction, type StreamableSelect } from './stream-rows.js';

export type TenantDb = ReturnType<typeof bindTransaction>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pools whose transaction settings are made with `SET LOCAL` (see settings). */
const setLocalPools = new WeakSet<Sql>();

/**
 * For a pool on a Citus coordinator: the transaction's settings are made with `SET LOCAL`, the
 * only form Citus sends on to the workers (citus.propagate_set_commands = 'local'), so the
 * shards' row-level security sees the tenant; `set_config()` stays on the coordinator
 * (docs/operations/citus.md). Same transaction-local semantics on a single server.
 */
export function useSetLocalSettings(sql: Sql): void {
  setLocalPools.add(sql);
}

/**
 * The statements that set a transaction's `app.*` values: `set_config(…, true)` with bound
 * parameters, or on a Citus pool `SET LOCAL`, which takes no parameters: the values are UUIDs
 * (checked again here, as they are written into the statement).
 */
function settings(sql: Sql, conn: postgres.ReservedSql, values: { tenantId?: string; userId?: string }): Promise<unknown>[] {
  if (setLocalPools.has(sql)) {
    const set = (name: string, value: string | undefined) => {
      if (value === undefined) return [];
      if (!UUID.test(value)) throw new TypeError(`${name} must be a UUID`);
      return [conn.unsafe(`set local ${name} = '${value}'`).execute()];
    };
    return [...set('app.tenant_id', values.tenantId), ...set('app.user_id', values.userId)];
  }
  const { tenantId, userId } = values;
  if (tenantId && userId) return [conn`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true)`.execute()];
  if (tenantId) return [conn`select set_config('app.tenant_id', ${tenantId}, true)`.execute()];
  return [conn`select set_config('app.user_id', ${userId!}, true)`.execute()];
}

/** Shared by every transaction: a dialect holds only the casing rule and its cache of column names. */
const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * A drizzle instance on the reserved connection, its statements prepared (preparedByDefault).
 * postgres.js does not copy `options` onto reserved connections and drizzle reads its parsers
 * from there, so they are shared from the pool (drizzle set them up when the pool's own instance
 * was created). Built from drizzle's parts around the shared dialect rather than with `drizzle()`,
 * which makes a dialect and checks its arguments each time: a tenant transaction opens on every
 * request, and that was a tenth of an inbox read's CPU in Node. No relational `schema`: building
 * it walks every table, and the query builder does not need it.
 */
export function bindTransaction(sql: Sql, conn: postgres.ReservedSql) {
  const client = preparedByDefault(Object.assign(conn, { options: sql.options }));
  const db = new PostgresJsDatabase(dialect, new PostgresJsSession(client, dialect, undefined, {}), undefined) as PostgresJsDatabase & {
    $client: typeof client;
  };
  db.$client = client;
  return db;
}

/**
 * Runs `fn` in one transaction on a reserved connection. The opening statements are pipelined
 * with `fn`'s first query (postgres.js sends one connection's queries in order), so a one-query
 * read costs two round trips, not four.
 */
async function inTransaction<T>(sql: Sql, open: (conn: postgres.ReservedSql) => Promise<unknown>[], fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  const conn = await sql.reserve();
  try {
    const opened = Promise.all(open(conn));
    // Handled at once: when the connection fails while `fn` still waits on something else, its
    // own query fails too and that is the error thrown below; left unhandled until then, the
    // rejection would end the process (seen when PostgreSQL stopped under a burst of intakes).
    opened.catch(() => undefined);
    try {
      const result = await fn(bindTransaction(sql, conn));
      await opened;
      await conn`commit`;
      return result;
    } catch (error) {
      await opened.catch(() => undefined);
      await conn`rollback`.catch(() => undefined);
      throw error;
    }
  } finally {
    conn.release();
  }
}

/**
 * THE way to touch tenant-owned data: one transaction whose tenant is set with
 * `set_config('app.tenant_id', $1, true)` — a bound parameter, transaction-local, so nothing
 * survives on the pooled connection. Row-level security does the rest; a query outside this
 * helper sees no tenant rows and cannot write any. Keep the context call here and only here:
 * on Citus it is `SET LOCAL` (useSetLocalSettings, docs/operations/citus.md).
 */
export function withTenant<T>(sql: Sql, tenantId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId)) return Promise.reject(new TypeError('withTenant: tenantId must be a UUID'));
  return inTransaction(sql, (conn) => [conn`begin`.execute(), ...settings(sql, conn, { tenantId })], fn);
}

/**
 * Two provinces' rows changed together (an inter-province agreement, docs/domain/lien-thong.md):
 * one transaction that starts in `first`; `switchTo(tenantId)` sets the tenant the same bound,
 * transaction-local way, so each statement sees only the rows of the tenant set before it, and
 * both provinces' writes (and audit rows) commit or roll back together.
 */
export function withTenantPair<T>(sql: Sql, first: string, fn: (tx: TenantDb, switchTo: (tenantId: string) => Promise<void>) => Promise<T>): Promise<T> {
  if (!UUID.test(first)) return Promise.reject(new TypeError('withTenantPair: tenantId must be a UUID'));
  return inTransaction(
    sql,
    (conn) => [conn`begin`.execute(), conn`select set_config('app.tenant_id', ${first}, true)`.execute()],
    (tx) =>
      fn(tx, async (tenantId) => {
        if (!UUID.test(tenantId)) throw new TypeError('withTenantPair: tenantId must be a UUID');
        await tx.execute(drizzleSql`select set_config('app.tenant_id', ${tenantId}, true)`);
      }),
  );
}

/**
 * Ministry oversight: a READ ONLY transaction that switches to gov_ministry, whose policies read
 * across tenants. The app role does not inherit it (NOINHERIT), so this is the only way in, and
 * neither the transaction mode nor the role's grants allow a write.
 */
export function withMinistryRead<T>(sql: Sql, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  return inTransaction(sql, (conn) => [conn`begin read only`.execute(), conn`set local role gov_ministry`.execute()], fn);
}

/**
 * A signed-in citizen's own rows of the cross-province index (applicant_provinces), read before
 * any province is chosen: one transaction with `app.user_id` set like the tenant in withTenant
 * (bound, transaction-local). No tenant is set, so no tenant data is visible in it.
 */
export function withUser<T>(sql: Sql, userId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  if (!UUID.test(userId)) return Promise.reject(new TypeError('withUser: userId must be a UUID'));
  return inTransaction(sql, (conn) => [conn`begin read only`.execute(), ...settings(sql, conn, { userId })], fn);
}

/**
 * A tenant transaction that also carries the signed-in citizen's `app.user_id` (both bound,
 * transaction-local): for rows only their owner may read or change inside a province, such as
 * hiding a stored document (citizen_documents) with its audit entry in that province.
 */
export function withTenantAsUser<T>(sql: Sql, tenantId: string, userId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId) || !UUID.test(userId)) return Promise.reject(new TypeError('withTenantAsUser: tenantId and userId must be UUIDs'));
  return inTransaction(sql, (conn) => [conn`begin`.execute(), ...settings(sql, conn, { tenantId, userId })], fn);
}

/** Like withTenant, for reading many rows: the tenant is set the same way, row-level security does the rest. */
export function streamWithTenant<R>(sql: Sql, tenantId: string, build: (tx: TenantDb) => StreamableSelect<R>): AsyncGenerator<R, void, undefined> {
  if (!UUID.test(tenantId)) throw new TypeError('streamWithTenant: tenantId must be a UUID');
  return streamInTransaction(
    sql,
    (conn) => [conn`begin read only`.execute(), ...settings(sql, conn, { tenantId })],
    (conn) => bindTransaction(sql, conn),
    build,
  );
}

/** Like withMinistryRead (read only, as gov_ministry), for reading many rows. */
export function streamMinistryRead<R>(sql: Sql, build: (tx: TenantDb) => StreamableSelect<R>): AsyncGenerator<R, void, undefined> {
  return streamInTransaction(
    sql,
    (conn) => [conn`begin read only`.execute(), conn`set local role gov_ministry`.execute()],
    (conn) => bindTransaction(sql, conn),
    build,
  );
}

/** The query-builder surface shared by the pool's drizzle instance and a tenant transaction. */
export type Queryable = Pick<TenantDb, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;
