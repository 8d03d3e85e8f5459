import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '@gov/workflows/search-attributes';

export interface DevServerOptions {
  cli: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  namespace: string;
  /** SQLite file for a persistent server; omit for in-memory (tests). */
  dbFile?: string;
  /** How long to wait for readiness: the SDK's own 5 s is too short on 2 cores. */
  readyTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function devServerArgs(o: DevServerOptions): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(o.port), '--namespace', o.namespace];
  args.push('--log-level', 'error', '--log-format', 'json');
  if (o.uiPort) args.push('--ui-port', String(o.uiPort));
  else args.push('--headless');
  if (o.dbFile) {
    args.push('--db-filename', o.dbFile);
    args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF');
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) {
    args.push('--search-attribute', `${name}=${type}`);
  }
  return args;
}

/** True once the frontend answers and our namespace exists. */
export async function temporalReady(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close();
  }
}

export async function waitForTemporal(address: string, namespace: string, timeoutMs: number, exited?: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited?.()) throw new Error('the Temporal dev server exited during start-up (see its output above)');
    if (await temporalReady(address, namespace)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the Temporal dev server at ${address} was not ready after ${timeoutMs / 1000} s`);
}

/** Starts `temporal server start-dev` and resolves once it serves our namespace. */
export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  const address = `127.0.0.1:${o.port}`;
  const child = spawn(o.cli, devServerArgs(o), { stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
  };
  try {
    await waitForTemporal(address, o.namespace, o.readyTimeoutMs ?? 60_000, () => exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, process: child, stop };
}
