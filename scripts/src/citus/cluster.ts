import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

export interface CitusNode {
  name: string;
  port: number;
  dataDir: string;
}

/**
 * The node settings of the rehearsal. Besides loading Citus, two Citus settings are set on every
 * node because the schema needs them (docs/operations/citus.md):
 * - citus.enable_unsafe_triggers: our triggers (audit chain, admin cap, revisions) are kept on
 *   distributed tables; they only touch rows of the same tenant, so of co-located shards;
 * - citus.propagate_set_commands = 'local': a SET LOCAL inside a transaction block reaches the
 *   workers' connections, which is how the tenant setting gets to the shards' RLS policies.
 */
const NODE_CONF = `
listen_addresses = '127.0.0.1'
shared_preload_libraries = 'citus'
max_connections = 60
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
citus.enable_unsafe_triggers = on
citus.propagate_set_commands = 'local'
`;

/** initdb refuses to run as root: the server processes then run as the `postgres` OS user. */
function asServerUser(bindir: string, tool: string, args: string[]): void {
  const path = join(bindir, tool);
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  else execFileSync(path, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Fresh data directories (each run starts from nothing), one server per node, started. */
export function startNodes(bindir: string, baseDir: string, basePort: number): CitusNode[] {
  const nodes = ['coordinator', 'worker-1', 'worker-2'].map((name, i) => ({ name, port: basePort + i, dataDir: join(baseDir, name) }));
  stopNodes(bindir, nodes);
  rmSync(baseDir, { recursive: true, force: true });
  mkdirSync(baseDir, { recursive: true });
  if (process.getuid?.() === 0) chownSync(baseDir, idOf('-u'), idOf('-g'));
  for (const node of nodes) {
    asServerUser(bindir, 'initdb', ['-D', node.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    appendFileSync(join(node.dataDir, 'postgresql.conf'), `${NODE_CONF}port = ${node.port}\nunix_socket_directories = '${node.dataDir}'\n`);
    asServerUser(bindir, 'pg_ctl', ['-D', node.dataDir, '-l', join(node.dataDir, 'server.log'), '-w', 'start']);
  }
  return nodes;
}

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}

export function stopNodes(bindir: string, nodes: readonly CitusNode[]): void {
  for (const node of nodes) {
    if (!existsSync(join(node.dataDir, 'postmaster.pid'))) continue;
    try {
      asServerUser(bindir, 'pg_ctl', ['-D', node.dataDir, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  }
}

/** Puts a `reject` line for `role` first in the node's pg_hba.conf and reloads it. */
export function refuseLogin(bindir: string, node: CitusNode, role: string): void {
  const hba = join(node.dataDir, 'pg_hba.conf');
  writeFileSync(hba, `local all ${role} reject\nhost all ${role} 0.0.0.0/0 reject\n${readFileSync(hba, 'utf8')}`);
  asServerUser(bindir, 'pg_ctl', ['-D', node.dataDir, 'reload']);
}

export const nodeUrl = (node: CitusNode, user: string, database: string) => `postgres://${user}@127.0.0.1:${node.port}/${database}`;

/** Runs statements as the superuser on one node's database. */
export async function onNode(node: CitusNode, database: string, statements: string[]): Promise<void> {
  const sql = postgres(nodeUrl(node, 'postgres', database), { max: 1, onnotice: () => {} });
  try {
    for (const statement of statements) await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 1 });
  }
}
