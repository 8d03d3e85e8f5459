import { connect, createServer, type Socket } from 'node:net';
import postgres from 'postgres';
import { afterAll, expect, it, inject } from 'vitest';

// The driver, patched at install (patches/postgres+3.4.9.patch): when PostgreSQL goes away under
// an open transaction, the transaction's next write must fail as a query error, and the pool must
// connect again. Unpatched, the write threw from a timer, outside every promise, and ended the API
// and worker processes the moment PostgreSQL stopped (seen in the fault test that restarts
// PostgreSQL); a reserved connection released after its server closed it went back to the pool
// as open, so every later query on it failed; and a transaction waiting for a connection when one
// closed was dropped by the reconnect and waited forever (an API request hung for minutes); and a
// connection closed while it fetched the array types on connecting left an unhandled rejection
// that ended a worker; and after a reset, a transaction's ROLLBACK waited for good while its bytes,
// left in the buffer, went out ahead of the next connection's startup and that one never started.

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

it('survives a connection closed while it fetches the array types on connecting, and connects again', async () => {
  // A proxy to PostgreSQL that cuts the first connection as the driver asks for the array types.
  const target = new URL(inject('databaseUrl'));
  let cut = false;
  const proxy = createServer((client: Socket) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, server]) s.on('error', () => undefined);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    server.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (!cut && chunk.includes('typarray')) {
        cut = true;
        client.destroy();
        return;
      }
      server.write(chunk);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const proxied = new URL(target);
  proxied.port = String(typeof address === 'object' && address ? address.port : 0);
  const sql = postgres(proxied.toString(), { max: 1, onnotice: () => {} });
  try {
    // A transaction's reservation is what opens the connection (withTenant's way); it waits
    // through the cut and gets the next connection.
    const conn = await sql.reserve();
    expect(cut).toBe(true);
    expect(await conn<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }]);
    conn.release();
  } finally {
    await sql.end({ timeout: 1 });
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});

it('ends a transaction whose connection the server closed: what its function sends next fails, even once the pool has reconnected it', async () => {
  const { sql, kill } = poolOfOne();
  try {
    let reconnected!: () => void;
    const pending = new Promise<void>((resolve) => (reconnected = resolve));
    let after: Promise<unknown> | undefined;
    const outcome = sql.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      // Waits: the pool's one connection is this transaction's.
      const waiting = sql<{ two: number }[]>`select 2 as two`;
      await kill(row!.pid);
      expect(await waiting).toEqual([{ two: 2 }]);
      after = tx`select 1`;
      reconnected();
      await after;
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    await pending;
    await expect(after).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(await sql<{ three: number }[]>`select 3 as three`).toEqual([{ three: 3 }]);
  } finally {
    await sql.end({ timeout: 1 });
  }
});

it('fails what a transaction sends after its connection was reset, instead of leaving it waiting for an answer', async () => {
  // A proxy to PostgreSQL whose client side is reset (RST, a socket error, as when PostgreSQL crashes).
  const target = new URL(inject('databaseUrl'));
  const clients: Socket[] = [];
  const proxy = createServer((client: Socket) => {
    clients.push(client);
    const server = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, server]) s.on('error', () => undefined);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    client.pipe(server).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const proxied = new URL(target);
  proxied.port = String(typeof address === 'object' && address ? address.port : 0);
  const sql = postgres(proxied.toString(), { max: 1, onnotice: () => {} });
  try {
    const conn = await sql.reserve();
    await conn`begin`;
    const running = conn`select pg_sleep(30)`;
    const failed = running.then(
      () => null,
      (error: { code?: string }) => error.code,
    );
    // Reset once the statement is on its way.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const c of clients) c.resetAndDestroy();
    expect(['ECONNRESET', 'CONNECTION_CLOSED']).toContain(await failed);
    // What withTenant does next: roll back, then release. The rollback must settle.
    await expect(conn`rollback`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    conn.release();
    expect(await sql<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }]);
  } finally {
    await sql.end({ timeout: 1 });
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});
