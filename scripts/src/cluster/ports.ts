import { createServer } from 'node:net';
import { freePort } from '@gov/testing';
import { DEFAULT_TEMPORAL_PORTS } from './temporal-config.js';
import type { ClusterPorts } from './topology.js';

/**
 * The ports of `npm run start:cluster`: the balancer on `balancer` and the API processes on the
 * next two; the operations listeners on 9464–9469; Temporal's well-known ports with the frontend
 * of TEMPORAL_ADDRESS. `npm run soak -- --attach` reads the processes' memory from these.
 */
export function startClusterPorts(balancer: number, temporalFrontend: number): ClusterPorts {
  return {
    balancer,
    apis: [
      { port: balancer + 1, metricsPort: 9464 },
      { port: balancer + 2, metricsPort: 9467 },
    ],
    workers: [
      { httpPort: 9465, temporalMetricsPort: 9466 },
      { httpPort: 9468, temporalMetricsPort: 9469 },
    ],
    temporal: { ...DEFAULT_TEMPORAL_PORTS, frontend: temporalFrontend },
    standIns: { smtp: 2525, sms: 2526, control: 2527, vneid: 2528, zns: 2529, portal: 2534 },
  };
}

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A free port below 32768, outside the range the system hands out, for Temporal's membership ports (a smallint column). */
async function lowFreePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await listens(port)) return port;
  }
}

/**
 * Every port of a two-API, two-worker cluster, free a moment ago: for the fault tests and the soak,
 * which run beside `npm start`, `start:cluster` and each other on a shared machine.
 */
export async function freeClusterPorts(): Promise<ClusterPorts> {
  const port = () => freePort();
  return {
    balancer: await port(),
    apis: [
      { port: await port(), metricsPort: await port() },
      { port: await port(), metricsPort: await port() },
    ],
    workers: [
      { httpPort: await port(), temporalMetricsPort: await port() },
      { httpPort: await port(), temporalMetricsPort: await port() },
    ],
    temporal: {
      frontend: await port(),
      frontendHttp: await port(),
      history: await port(),
      matching: await port(),
      worker: await port(),
      membership: [await lowFreePort(), await lowFreePort(), await lowFreePort(), await lowFreePort()],
      metrics: await port(),
    },
    standIns: { smtp: await port(), sms: await port(), control: await port(), zns: await port(), vneid: await port(), portal: await port() },
  };
}
