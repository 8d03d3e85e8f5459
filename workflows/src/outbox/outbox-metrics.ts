import { withMinistryRead, type Sql } from '@gov/db';
import { sql as raw } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';

/**
 * Outbox backlog (rows not yet delivered) and lag (age of the oldest of them), by topic, read at
 * scrape time in one cross-province read; the national portal's own outbox counts as `portal.sync`,
 * its dead letters included (they are not delivered). A lag that grows while the backlog does not shrink
 * means the relay is stuck or the outside system is down.
 */
export function registerOutboxMetrics(registry: Registry, sql: Sql): void {
  let pending: Promise<{ topic: string; rows: number; oldestSeconds: number }[]> | null = null;
  // Both gauges are collected in the same scrape: one query serves them.
  const read = () => {
    pending ??= withMinistryRead(sql, (tx) =>
      tx.execute<{ topic: string; rows: number; oldest_seconds: number }>(
        raw`select topic, count(*)::int as rows, extract(epoch from now() - min(created_at))::float8 as oldest_seconds
              from outbox where dispatched_at is null group by topic
            union all
            select 'portal.sync', count(*)::int, extract(epoch from now() - min(created_at))::float8
              from portal_sync_outbox where dispatched_at is null having count(*) > 0`,
      ),
    )
      .then((rows) => rows.map((r) => ({ topic: r.topic, rows: r.rows, oldestSeconds: r.oldest_seconds })))
      .finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
  new Gauge({
    name: 'outbox_backlog_rows',
    help: 'Outbox rows not yet delivered, by topic',
    labelNames: ['topic'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await read()) this.set({ topic: r.topic }, r.rows);
    },
  });
  new Gauge({
    name: 'outbox_lag_seconds',
    help: 'Age of the oldest undelivered outbox row, by topic (0 series when nothing waits)',
    labelNames: ['topic'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await read()) this.set({ topic: r.topic }, r.oldestSeconds);
    },
  });
}
