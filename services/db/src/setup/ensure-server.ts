import { execFileSync } from 'node:child_process';
import postgres from 'postgres';
import { ConfigError } from '@gov/runtime';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

async function answers(url: string): Promise<{ ok: true } | { ok: false; code: string }> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? 'UNKNOWN' };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

interface Cluster {
  version: string;
  name: string;
  port: string;
  online: boolean;
}

/** Debian's installed clusters (postgresql-common), or none where that tooling is absent. */
function installedClusters(): Cluster[] {
  try {
    const out = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length >= 4)
      .map(([version = '', name = '', port = '', status = '']) => ({ version, name, port, online: status === 'online' }));
  } catch {
    return [];
  }
}

async function waitUntilAnswers(url: string, attempts: number): Promise<boolean> {
  for (let i = 0; i < attempts; i += 1) {
    if ((await answers(url)).ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Makes sure a PostgreSQL server answers at the admin URL. A local server that is down is
 * started from the machine's installed cluster; anything else stops with the exact fix.
 */
export async function ensureServer(adminUrl: string, log: (line: string) => void): Promise<void> {
  const first = await answers(adminUrl);
  if (first.ok) return;
  const { hostname, port } = new URL(adminUrl);
  const where = `${hostname}:${port || '5432'}`;
  const refused = first.code === 'ECONNREFUSED' || first.code === 'ENOENT';
  const cluster = LOCAL_HOSTS.has(hostname) ? installedClusters().find((c) => c.port === (port || '5432') && !c.online) : undefined;
  if (refused && cluster) {
    log(`PostgreSQL is not answering at ${where}; starting cluster ${cluster.version}/${cluster.name}…`);
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start'], { stdio: 'ignore' });
    if (await waitUntilAnswers(adminUrl, 40)) return;
  }
  if (refused) {
    throw new ConfigError(
      `PostgreSQL is not answering at ${where} (${first.code}). Start it (Debian: ` +
        '`pg_ctlcluster 15 main start`) or set DATABASE_URL to a reachable server.',
    );
  }
  throw new ConfigError(
    `cannot use PostgreSQL at ${where} as ${new URL(adminUrl).username || 'the admin user'} ` +
      `(${first.code}). Check the host name and credentials in DATABASE_URL / DATABASE_ADMIN_URL.`,
  );
}
