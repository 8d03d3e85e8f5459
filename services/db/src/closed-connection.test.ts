import postgres from 'postgres';
import { afterAll, expect, it, inject } from 'vitest';

// The driver, patched at install (patches/postgres+3.4.9.patch): when PostgreSQL goes away under
// an open transaction, the transaction's next write must fail as a query error. Unpatched, it
// threw from a timer, outside every promise, and ended the API and worker processes the moment
// PostgreSQL stopped (seen in the fault test that restarts PostgreSQL).

const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => admin.end({ timeout: 1 }));

it('fails a transaction whose connection the server closed as CONNECTION_CLOSED, and the pool connects again', async () => {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {}, onclose: () => markClosed() });
  try {
    const outcome = sql.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await admin`select pg_terminate_backend(${row!.pid})`;
      // The client has seen its socket close: what it writes next has nowhere to go.
      await closed;
      await tx`select 1`;
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(await sql<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }]);
  } finally {
    await sql.end({ timeout: 1 });
  }
});
