import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MS_PER_DAY } from '@gov/calendar';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import Long from 'long';
import { SEARCH_ATTRIBUTES } from '@gov/workflows/search-attributes';
import { TEMPORAL_DYNAMIC_CONFIG, temporalConfigYaml, type TemporalPorts } from './temporal-config.js';
import type { TemporalStore } from './temporal-schema.js';

export interface TemporalServerOptions {
  binary: string;
  /** Where its generated configuration goes (rewritten on every start). */
  configDir: string;
  store: TemporalStore;
  ports: TemporalPorts;
  namespace: string;
  /** Each line of the server's output (JSON, warnings and errors only). */
  onOutput?: (line: string) => void;
}

export interface TemporalServer {
  address: string;
  process: ChildProcess;
  /** SIGTERM and wait: the server drains and closes its shards. */
  stop(): Promise<void>;
}

/** How long Temporal keeps a closed workflow's history; PostgreSQL keeps the dossier for good. */
const RETENTION_SECONDS = (30 * MS_PER_DAY) / 1000;

/** Starts `temporal-server start` with every service in one process and waits until the frontend answers. */
export async function startTemporalServer(o: TemporalServerOptions): Promise<TemporalServer> {
  mkdirSync(o.configDir, { recursive: true });
  const dynamicConfigFile = join(o.configDir, 'dynamic.yaml');
  writeFileSync(dynamicConfigFile, TEMPORAL_DYNAMIC_CONFIG);
  writeFileSync(join(o.configDir, 'cluster.yaml'), temporalConfigYaml({ store: o.store, ports: o.ports, dynamicConfigFile }));
  const child = spawn(o.binary, ['--root', o.configDir, '--config', '.', '--env', 'cluster', '--allow-no-auth', 'start'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // The last error the server printed, for a start-up failure's one line.
  let lastError = '';
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line) continue;
        if (/"level":"(error|fatal)"/.test(line) || !line.startsWith('{')) lastError = line;
        o.onOutput?.(line);
      }
    });
  }
  const address = `127.0.0.1:${o.ports.frontend}`;
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await gone;
    clearTimeout(timer);
  };
  // Exited during start-up: fail with what the server last said (a port taken, the schema missing…).
  const gone = () => {
    if (!exited) return false;
    const reason = /"error":"([^"]+)"/.exec(lastError)?.[1] ?? lastError;
    throw new Error(`the Temporal server exited during start-up: ${reason.slice(0, 300)}`);
  };
  try {
    await untilAnswers(address, gone, (c) => c.workflowService.getSystemInfo({}));
    await ensureNamespace(address, o.namespace);
    // A new namespace reaches the frontend's cache some seconds after it is stored: wait for a call
    // that goes through that cache, or the first workers and starts would be told it does not exist.
    await untilAnswers(address, gone, (c) => c.workflowService.listWorkflowExecutions({ namespace: o.namespace, pageSize: 1 }));
    await ensureSearchAttributes(address, o.namespace);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, process: child, stop };
}

/** Polls `call` until it succeeds; fails when the server exits or after 90 s. */
async function untilAnswers(address: string, exited: () => boolean, call: (connection: Connection) => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited()) throw new Error('the Temporal server exited during start-up');
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await call(connection);
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Temporal server at ${address} did not answer within 90 s: ${(error as Error).message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// A CommonJS module: its namespaces come off the default export under plain Node.
const { IndexedValueType } = proto.temporal.api.enums.v1;
const ATTRIBUTE_TYPES: Record<string, proto.temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/**
 * The namespace and our search attributes are created when missing: the dev server does it from
 * its flags; a real server keeps them in PostgreSQL, so this changes something once per database.
 */
async function ensureNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const known = await connection.workflowService.describeNamespace({ namespace }).then(
      () => true,
      () => false,
    );
    if (!known) {
      await connection.workflowService
        .registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(RETENTION_SECONDS) } })
        .catch((error: unknown) => {
          // Another start registered it first.
          if (!/already exists/i.test((error as Error).message)) throw error;
        });
    }
  } finally {
    await connection.close();
  }
}

async function ensureSearchAttributes(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(customAttributes && name in customAttributes));
    if (missing.length > 0) {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, ATTRIBUTE_TYPES[type]!])),
      });
    }
  } finally {
    await connection.close();
  }
}
