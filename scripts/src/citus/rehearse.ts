import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDb, useSetLocalSettings, verifyAuditChain, withMinistryRead } from '@gov/db';
import { tablesPlaced } from '@gov/db/distribution';
import { ensureRolesAndDatabase, runMigrations } from '@gov/db/setup';
import { createTenantFixture, type TenantFixture } from '@gov/db/testing';
import { nodeUrl, onNode, refuseLogin, startNodes, stopNodes, type CitusNode } from './cluster.js';
import { distributeTables } from './distribute.js';
import { ensureCitus } from './install-citus.js';
import { errorText, ministryReport, runProbes, type Probe } from './probes.js';

const USAGE = 'usage: npm run rehearse:citus -- [--source <citus .tar.gz or directory>] [--keep]';
const DATABASE = 'gov';
const log = (line: string) => console.error(line);
const print = (ok: boolean, label: string, detail = '') => console.log(`${ok ? '  ok  ' : 'FAILED'} ${label}${detail ? ` — ${detail}` : ''}`);

/**
 * `npm run rehearse:citus`: the database tier on Citus (docs/operations/citus.md). Builds Citus
 * from its release source when this PostgreSQL does not have it (CITUS_SOURCE or --source),
 * starts a coordinator and two workers on 127.0.0.1 (fresh data directories under CITUS_DATA_DIR),
 * runs our migrations on the coordinator, places every table as TABLE_PLACEMENT says, then runs
 * the app's tenant paths against the coordinator twice: with the tenant set as withTenant sets it
 * on one server (set_config), and with SET LOCAL (useSetLocalSettings). Prints what works and what
 * fails; not a test, so it exits 0 once the cluster ran, whatever the probes found.
 */
async function main() {
  const { values } = parseArgs({ options: { source: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const source = values.source ?? process.env.CITUS_SOURCE;
  const baseDir = process.env.CITUS_DATA_DIR ?? join(tmpdir(), 'gov-citus-rehearsal');
  const basePort = Number(process.env.CITUS_BASE_PORT ?? 9700);
  const pg = ensureCitus(source, join(baseDir, '..', 'gov-citus-build'), log);
  console.log(`${pg.version}, Citus installed; nodes on 127.0.0.1:${basePort}–${basePort + 2}, data in ${baseDir}`);
  const nodes = startNodes(pg.bindir, baseDir, basePort);
  try {
    await rehearse(nodes, pg.bindir);
  } finally {
    if (values.keep) console.log(`\nleft running (--keep); stop with pg_ctl -D ${baseDir}/<node> stop`);
    else stopNodes(pg.bindir, nodes);
  }
}

async function rehearse(nodes: CitusNode[], bindir: string) {
  const [coordinator, ...workers] = nodes as [CitusNode, ...CitusNode[]];
  for (const node of nodes) {
    await ensureRolesAndDatabase(nodeUrl(node, 'postgres', 'postgres'), DATABASE, () => {});
    await onNode(node, DATABASE, ['create extension if not exists citus']);
  }
  await onNode(coordinator, DATABASE, [
    `select citus_set_coordinator_host('127.0.0.1', ${coordinator.port})`,
    ...workers.map((w) => `select citus_add_node('127.0.0.1', ${w.port})`),
  ]);
  console.log(`cluster: coordinator :${coordinator.port}, workers ${workers.map((w) => `:${w.port}`).join(', ')}\n`);

  const ownerUrl = nodeUrl(coordinator, 'gov_owner', DATABASE);
  try {
    await runMigrations(ownerUrl);
    print(true, 'migrations on the coordinator');
  } catch (error) {
    print(false, 'migrations on the coordinator', (error as Error).message);
    return;
  }
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    console.log('\nplacing the tables (services/db/src/distribution.ts):');
    const placed = await distributeTables(owner, Number(process.env.CITUS_SHARD_COUNT ?? 8));
    for (const { table, outcome } of placed) print(!outcome.startsWith('FAILED'), table, outcome === 'ok' ? '' : outcome);
    const [shards] = await owner<{ n: number; workers: number }[]>`
      select count(*)::int as n, count(distinct nodeport)::int as workers from pg_dist_shard_placement`;
    console.log(`  ${shards?.n} shard placements on ${shards?.workers} nodes`);
    await reportShardSecurity(workers);
  } finally {
    await owner.end({ timeout: 1 });
  }

  const modes = [
    { name: "tenant set with set_config('app.tenant_id', $1, true), as on one server", setLocal: false },
    { name: 'tenant set with SET LOCAL app.tenant_id (citus.propagate_set_commands = local)', setLocal: true },
  ];
  // Two tenants' rows to check against, written the way that works on Citus (SET LOCAL): each
  // mode then runs the same checks on them.
  const writer = createDb(nodeUrl(coordinator, 'gov_app', DATABASE), { max: 2 });
  useSetLocalSettings(writer.sql);
  let fixtures: [TenantFixture, TenantFixture];
  try {
    fixtures = [await createTenantFixture({ sql: writer.sql, ownerUrl }), await createTenantFixture({ sql: writer.sql, ownerUrl })];
  } catch (error) {
    print(false, 'two tenants with a row in every tenant table', errorText(error));
    return;
  } finally {
    await writer.sql.end({ timeout: 1 });
  }
  const results: { mode: string; probes: Probe[] }[] = [];
  for (const mode of modes) {
    console.log(`\n${mode.name}:`);
    const app = createDb(nodeUrl(coordinator, 'gov_app', DATABASE), { max: 2 });
    if (mode.setLocal) useSetLocalSettings(app.sql);
    try {
      const probes = await runProbes(app, ownerUrl, fixtures);
      for (const p of probes) print(p.ok, p.label, p.detail);
      results.push({ mode: mode.name, probes });
    } finally {
      await app.sql.end({ timeout: 1 });
    }
  }
  // Citus opens its worker connections as the current role, so after SET LOCAL ROLE gov_ministry
  // it logs in to the workers as gov_ministry, which may not log in. Citus keeps roles alike on
  // every node (a worker refuses ALTER ROLE: "operation is not allowed on this node"), so the role
  // gets LOGIN from the coordinator and the coordinator's pg_hba refuses it any login there.
  console.log('\nministry role with LOGIN, refused by the coordinator’s pg_hba (workers admit it):');
  await onNode(coordinator, DATABASE, ['alter role gov_ministry login', `grant connect on database ${DATABASE} to gov_ministry`]);
  for (const worker of workers) {
    await onNode(worker, DATABASE, ['set citus.enable_ddl_propagation = off', `grant connect on database ${DATABASE} to gov_ministry`]);
  }
  refuseLogin(bindir, coordinator, 'gov_ministry');
  const ministry = postgres(nodeUrl(coordinator, 'gov_ministry', DATABASE), { max: 1, onnotice: () => {} });
  const direct = await ministry`select 1`.then(
    () => 'ok',
    (e: unknown) => errorText(e),
  );
  await ministry.end({ timeout: 1 });
  print(direct !== 'ok', 'gov_ministry cannot log in to the coordinator', direct);
  const app = createDb(nodeUrl(coordinator, 'gov_app', DATABASE), { max: 2 });
  useSetLocalSettings(app.sql);
  try {
    const detail = await ministryReport(app, fixtures[1].tenantId);
    print(!detail.startsWith('WRONG'), 'province report by unit, as the ministry', detail);
    const code = await withMinistryRead(app.sql, (tx) => tx.$client`update dossiers set applicant_name = applicant_name`).then(
      () => 'ok',
      (e: unknown) => errorText(e),
    );
    print(code !== 'ok', 'the ministry transaction still cannot write', code);
    // The audit trigger on the distributed audit_log advanced each tenant's chain on its shard.
    const chain = await verifyAuditChain(app.sql);
    print(chain.ok, 'audit chain written by the trigger on the shards verifies (npm run audit:verify)', JSON.stringify(chain));
  } catch (error) {
    print(false, 'province report by unit, as the ministry', errorText(error));
  } finally {
    await app.sql.end({ timeout: 1 });
  }

  console.log('\nsummary:');
  for (const r of results) console.log(`  ${r.probes.filter((p) => p.ok).length}/${r.probes.length} ok — ${r.mode}`);
}

/** Whether the shards on each worker carry the tables' row-level security: ENABLE, FORCE and the policies. */
async function reportShardSecurity(workers: CitusNode[]) {
  for (const worker of workers) {
    const sql = postgres(nodeUrl(worker, 'postgres', DATABASE), { max: 1, onnotice: () => {} });
    try {
      // Citus hides shards from catalog queries unless asked.
      await sql`set citus.override_table_visibility = off`;
      const [row] = await sql<{ shards: number; enabled: number; forced: number; policies: number }[]>`
        select count(*)::int as shards, count(*) filter (where c.relrowsecurity)::int as enabled,
          count(*) filter (where c.relforcerowsecurity)::int as forced,
          (select count(*)::int from pg_policy p join pg_class s on s.oid = p.polrelid where s.relname ~ '^dossiers_[0-9]+$') as policies
        from pg_class c where c.relkind = 'r' and c.relname ~ ${`^(${tablesPlaced('tenant').join('|')})_[0-9]+$`}`;
      print(
        row!.shards > 0 && row!.forced === row!.shards,
        `shards on :${worker.port} keep row-level security`,
        `${row!.shards} tenant shards, ${row!.enabled} with RLS enabled, ${row!.forced} forced; ${row!.policies} policies on its dossiers shards`,
      );
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
}

main().catch((error: unknown) => {
  console.error(`rehearse:citus: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
});
