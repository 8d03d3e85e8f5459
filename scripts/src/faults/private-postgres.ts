import { execFile } from 'node:child_process';
import { accessSync, chownSync, constants, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '@gov/runtime';
import { freePort } from '@gov/testing';

const run = promisify(execFile);

/** Where Debian and Ubuntu put PostgreSQL 15's server programs; PG_BIN_DIR overrides it. */
const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';

export type StopMode = 'fast' | 'immediate';

/**
 * A PostgreSQL cluster of the fault run's own, made with `initdb` in a temporary directory and
 * listening on a free port of 127.0.0.1 with trust authentication. The fault tests stop and start
 * it under the platform; the machine's shared server is never touched.
 */
export interface PrivatePostgres {
  port: number;
  /** The superuser `postgres` on its `postgres` database. */
  adminUrl: string;
  /** `pg_ctl stop -m <mode>`: `fast` ends sessions and shuts down cleanly; `immediate` is a crash (recovery from WAL on the next start). */
  stop(mode: StopMode): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the system user `postgres` (Debian's packages make it). */
async function runAs(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    throw new ConfigError(
      'the fault tests run as root and there is no `postgres` user to run PostgreSQL as: create one (useradd --system postgres) or run them as another user.',
    );
  }
}

export async function startPrivatePostgres(args: { binDir?: string; log: (line: string) => void }): Promise<PrivatePostgres> {
  const binDir = args.binDir ?? DEFAULT_BIN_DIR;
  for (const program of ['initdb', 'pg_ctl', 'postgres']) {
    try {
      accessSync(join(binDir, program), constants.X_OK);
    } catch {
      throw new ConfigError(
        `${program} not found in ${binDir}: the fault tests make their own PostgreSQL 15; install its server (apt-get install postgresql-15) or set PG_BIN_DIR to the directory holding initdb and pg_ctl.`,
      );
    }
  }
  const user = await runAs();
  const dir = mkdtempSync(join(tmpdir(), 'gov-faults-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  if (user) chownSync(dir, user.uid, user.gid);
  const pg = (program: string, argv: string[]) => run(join(binDir, program), argv, { ...user, cwd: dir, env: { ...process.env, LC_ALL: 'C.UTF-8' } });

  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // TCP on loopback only, the socket in its own directory. fsync off: the tests stop the server,
  // never the machine, so what was written is in the kernel's cache when it starts again.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=400 -c fsync=off`;
  const start = async () => {
    await pg('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', options]);
  };
  const stop = async (mode: StopMode) => {
    await pg('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '60']);
  };
  await start();
  args.log(`private PostgreSQL on 127.0.0.1:${port}, data in ${data}`);
  return {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async close() {
      await stop('fast').catch(() => undefined);
      if (process.env.KEEP_PG_LOG) copyFileSync(logFile, process.env.KEEP_PG_LOG);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
