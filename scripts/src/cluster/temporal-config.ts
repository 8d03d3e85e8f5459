import type { TemporalStore } from './temporal-schema.js';

/** The ports one Temporal server process listens on, all on 127.0.0.1. */
export interface TemporalPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /**
   * Membership (ringpop) ports, one per service: frontend, history, matching, worker. Below 32768:
   * the server stores them in a PostgreSQL smallint and will not start with a higher one.
   */
  membership: [number, number, number, number];
  metrics: number;
}

/** The defaults of `npm run start:cluster`: Temporal's own well-known ports. */
export const DEFAULT_TEMPORAL_PORTS: TemporalPorts = {
  frontend: 7233,
  frontendHttp: 7243,
  history: 7234,
  matching: 7235,
  worker: 7239,
  membership: [6933, 6934, 6935, 6939],
  metrics: 8000,
};

const datastore = (store: TemporalStore, database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${JSON.stringify(database)}
        connectAddr: "${store.host}:${store.port}"
        connectProtocol: tcp
        user: ${JSON.stringify(store.role)}
        password: ""
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;

const service = (grpcPort: number, membershipPort: number, extra = '') => `
    rpc:
      grpcPort: ${grpcPort}
      membershipPort: ${membershipPort}
      bindOnLocalHost: true${extra}`;

/**
 * The server's static configuration (Temporal's YAML, loaded with `--config <dir> --env <name>`):
 * persistence and visibility both on PostgreSQL, every service in one process on loopback.
 * History shards are fixed when the database is first used: 4 here suits one machine with 2 cores;
 * a national cluster plans 512 (infra/README.md).
 */
export function temporalConfigYaml(args: { store: TemporalStore; ports: TemporalPorts; dynamicConfigFile: string; numHistoryShards?: number }): string {
  const { store, ports } = args;
  const [fm, hm, mm, wm] = ports.membership;
  return `# Written by scripts/src/cluster/temporal-config.ts on every start; edit that file instead.
log:
  stdout: true
  level: warn
  format: json
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${args.numHistoryShards ?? 4}
  datastores:
    postgres-default:${datastore(store, store.persistenceDatabase, 20)}
    postgres-visibility:${datastore(store, store.visibilityDatabase, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:${ports.metrics}"
services:
  frontend:${service(ports.frontend, fm, `\n      httpPort: ${ports.frontendHttp}`)}
  history:${service(ports.history, hm)}
  matching:${service(ports.matching, mm)}
  worker:${service(ports.worker, wm)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:${ports.frontend}"
      httpAddress: "127.0.0.1:${ports.frontendHttp}"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${JSON.stringify(args.dynamicConfigFile)}
  pollInterval: 10s
`;
}

/**
 * Dynamic configuration: the visibility rate the dev server sets for itself, a search attribute
 * cache that is read through, so attributes registered at start-up are usable at once, and a
 * bound on the history service's cache of workflows' mutable state. Its default, 128,000 entries,
 * is a bound one machine's memory never reaches: with dossiers open for weeks the server grew by
 * each one it touched (about 60 KB of RSS per open dossier in the soak) and never levelled off.
 * 512 entries hold the workflows the two workers hold in theirs (2 × 250) and their tasks in
 * flight; an evicted one is read back from PostgreSQL at its next task, hours or days later.
 */
export const TEMPORAL_DYNAMIC_CONFIG = `# Written by scripts/src/cluster/temporal-config.ts on every start.
frontend.maxNamespaceVisibilityRPSPerInstance:
  - value: 100
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
history.hostLevelCacheMaxSize:
  - value: 512
`;
