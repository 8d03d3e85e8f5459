import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** One registry per process, with Node's own metrics (event loop lag, heap, GC) prefixed by nothing. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The part of a postgres.js pool the pool gauges need. */
export interface PoolQueryable {
  unsafe: (query: string, parameters: string[]) => PromiseLike<readonly Record<string, unknown>[]>;
  options: { max: number };
}

/**
 * Pool use, read at scrape time from pg_stat_activity: postgres.js keeps its pool's state
 * private, so the process names its connections (`application_name`) and counts them there.
 * The scrape's own query holds one connection, counted as used. Names follow the OpenTelemetry
 * database client conventions (`db.client.connection.count` by state, `….max`).
 */
export function registerPoolMetrics(registry: Registry, pool: PoolQueryable, applicationName: string): void {
  new Gauge({
    name: 'db_client_connection_max',
    help: "The most connections this process's pool may open",
    registers: [registry],
    collect() {
      this.set(pool.options.max);
    },
  });
  new Gauge({
    name: 'db_client_connection_count',
    help: "Connections of this process's pool by state (used: running a statement or inside a transaction)",
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await pool.unsafe(
        `select count(*) filter (where state = 'idle')::int as idle, count(*) filter (where state is distinct from 'idle')::int as used
           from pg_stat_activity where application_name = $1 and backend_type = 'client backend'`,
        [applicationName],
      );
      const row = rows[0] ?? {};
      this.set({ state: 'idle' }, Number(row.idle ?? 0));
      this.set({ state: 'used' }, Number(row.used ?? 0));
    },
  });
}

/** A name no other process shares, so the pool gauges count only this process's connections. */
export function poolApplicationName(service: string): string {
  return `${service}/${crypto.randomUUID().slice(0, 8)}`;
}
