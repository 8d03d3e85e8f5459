import postgres from 'postgres';
import { afterAll, expect, it, inject } from 'vitest';

// The driver, patched at install (patches/postgres+3.4.9.patch): when PostgreSQL goes away under
// an open transaction, the transaction's next write must fail as a query error, and the pool must
// connect again. Unpatched, the write threw from a timer, outside every promise, and ended the API
// and worker processes the moment PostgreSQL stopped (seen in the fault test that restarts
// PostgreSQL); a reserved connection released after its server closed it went back to the pool
// as open, so every later query on it failed; and a transaction waiting for a connection when one
// closed was dropped by the reconnect and waited forever (an API request hung for minutes).

const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => admin.end({ timeout: 1 }));

/** A pool of one connection, and a promise kept when the server has closed it. */
function poolOfOne() {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {}, onclose: () => markClosed() });
  const kill = async (pid: number) => {
    await admin`select pg_terminate_backend(${pid})`;
    // The client has seen its socket close: what it writes next has nowhere to go.
    await closed;
  };
  return { sql, kill };
}

it('fails a transaction whose connection the server closed as CONNECTION_CLOSED, and the pool connects again', async () => {
  const { sql, kill } = poolOfOne();
  try {
    const outcome = sql.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await kill(row!.pid);
      await tx`select 1`;
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(await sql<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }]);
  } finally {
    await sql.end({ timeout: 1 });
  }
});

it('fails a query on a reserved connection the server closed, and its release leaves the pool working', async () => {
  // withTenant's transactions run on a reserved connection.
  const { sql, kill } = poolOfOne();
  try {
    const conn = await sql.reserve();
    const [row] = await conn<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await kill(row!.pid);
    await expect(conn`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    conn.release();
    for (const n of [1, 2]) expect(await sql<{ n: number }[]>`select ${n}::int as n`).toEqual([{ n }]);
  } finally {
    await sql.end({ timeout: 1 });
  }
});

it('hands a connection that reconnects to the transaction waiting first, not to a later query', async () => {
  const { sql, kill } = poolOfOne();
  try {
    const holder = await sql.reserve();
    const [row] = await holder<{ pid: number }[]>`select pg_backend_pid() as pid`;
    // Waits: the pool's one connection is held.
    const waiting = sql.reserve();
    await kill(row!.pid);
    const later = sql<{ one: number }[]>`select 1 as one`;
    // The closed connection reconnects; the transaction that waited first gets it.
    const first = await Promise.race([waiting.then(() => 'transaction'), later.then(() => 'later query')]);
    expect(first).toBe('transaction');
    (await waiting).release();
    expect(await later).toEqual([{ one: 1 }]);
    holder.release();
  } finally {
    await sql.end({ timeout: 1 });
  }
});

it('ends a reservation whose connection the server closed: its next query fails, even once the pool has reconnected it for another', async () => {
  const { sql, kill } = poolOfOne();
  try {
    const holder = await sql.reserve();
    const [row] = await holder<{ pid: number }[]>`select pg_backend_pid() as pid`;
    // Waits: the pool's one connection is held.
    const waiting = sql<{ two: number }[]>`select 2 as two`;
    await kill(row!.pid);
    // The pool reconnects the closed connection for the waiting query.
    expect(await waiting).toEqual([{ two: 2 }]);
    // What the old reservation sends now must not run on that new session, outside its transaction.
    await expect(holder`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    holder.release();
    expect(await sql<{ three: number }[]>`select 3 as three`).toEqual([{ three: 3 }]);
  } finally {
    await sql.end({ timeout: 1 });
  }
});
