import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { vietnamDate } from '@gov/calendar';
import { authorityOf, listWorkList, reportProvinces, reportProvinceUnits, type Grant, type ServiceContext } from '@gov/core';
import { createDb } from '@gov/db';
import type { PlatformRole } from '@gov/domain';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from '../env.js';
import { countOption, isUsageError } from '../synthetic/cli-options.js';
import { maintenanceUrl } from '../synthetic/maintenance-url.js';
import { closedLoop, percentile } from './closed-loop.js';
import { ensureDossiers } from './ensure-dossiers.js';
import { measureExport } from './export-measure.js';

const USAGE = 'usage: npm run bench:reports -- [--dossiers N] [--seconds S] [--clients C] [--export-rows N] [--seed S] [--only WORD]';
const log = (line: string) => console.error(line);
const MB = 1024 * 1024;

type Period = { from: string; to: string };

/** This month, the last full quarter and this year so far, in Vietnam dates: what the dashboards' presets ask. */
function periods(now = new Date()): Period[] {
  const today = vietnamDate(now);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const q = Math.floor((m - 1) / 3);
  const [qy, qStart] = q === 0 ? [y - 1, 9] : [y, (q - 1) * 3];
  const lastDay = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return [
    { from: `${today.slice(0, 8)}01`, to: today },
    { from: `${qy}-${pad(qStart + 1)}-01`, to: lastDay(qy, qStart + 2) },
    { from: `${y}-01-01`, to: today },
  ];
}

function context(
  grants: Grant[],
  kind: 'officer' | 'ministry',
  platformRoles: PlatformRole[],
  db: ServiceContext['db'],
  sql: ServiceContext['sql'],
): ServiceContext {
  const userId = randomUUID();
  return {
    requestId: `bench-${userId}`,
    db,
    sql,
    actor: { userId, kind, displayName: 'Bench' },
    ...authorityOf({ userId, kind, grants, platformRoles }),
  };
}

interface Operation {
  label: string;
  goalMs: number;
  send: (period: Period) => Promise<unknown>;
}

/**
 * `npm run bench:reports`: the monitoring reads a province and the ministry make, through the core
 * verbs as the API calls them (abilities, row-level security, the unit-subtree filter), on the
 * database of DATABASE_URL topped up to `--dossiers` synthetic dossiers (1,000,000 by default):
 * the province dashboard of the largest province (its admin), the dashboard of its busiest unit
 * (that unit's leader, subtree only), the stuck list's first page, and the ministry's summary of
 * every province; then a 100,000-row XLSX export in a process of its own for its time and memory.
 * Each read is warmed up, then run closed-loop over the three period presets. Not a test: it
 * prints p50/p95 against the goals, with the load average, and exits 0. `--only ministry` runs
 * only the reads whose label holds the word, and no export: one read measured briefly.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      dossiers: { type: 'string' },
      seconds: { type: 'string' },
      clients: { type: 'string' },
      'export-rows': { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const urls = databaseUrls(readScriptsEnv());
  const seconds = countOption('seconds', values.seconds, 10);
  const clients = Math.max(1, countOption('clients', values.clients, 2));
  const exportRows = countOption('export-rows', values['export-rows'], 100_000);
  const total = await ensureDossiers(urls, countOption('dossiers', values.dossiers, 1_000_000), countOption('seed', values.seed, 1), log);

  const admin = createDb(maintenanceUrl(urls), { max: 1 });
  const [busiest] = await admin.sql<{ tenantId: string; root: string; unit: string; provinceDossiers: number; unitDossiers: number }[]>`
    with province as (select tenant_id, count(*)::int as n from dossiers group by 1 order by 2 desc limit 1),
         unit as (select d.receiving_unit_id as unit, count(*)::int as n from dossiers d join province p using (tenant_id)
                  join org_units u on u.tenant_id = d.tenant_id and u.id = d.receiving_unit_id and u.parent_id is not null
                  group by 1 order by 2 desc limit 1)
    select p.tenant_id as "tenantId", r.id as root, unit.unit, p.n as "provinceDossiers", unit.n as "unitDossiers"
      from province p, unit, org_units r where r.tenant_id = p.tenant_id and r.parent_id is null`.finally(() => admin.sql.end({ timeout: 1 }));
  if (!busiest) throw new Error('no province with dossiers and units: run `npm run seed` first');
  const { tenantId } = busiest;

  const { db, sql } = createDb(urls.app, { max: clients });
  const provinceAdmin = context([{ role: 'province_admin', tenantId, orgUnitId: busiest.root, wholeTenant: true }], 'officer', [], db, sql);
  const unitLeader = context([{ role: 'leader', tenantId, orgUnitId: busiest.unit, wholeTenant: false }], 'officer', [], db, sql);
  const ministry = context([], 'ministry', ['ministry_oversight'], db, sql);
  const all: Operation[] = [
    { label: 'province dashboard (by unit, its admin)', goalMs: 100, send: (p) => reportProvinceUnits({ ctx: provinceAdmin, tenantId, input: p }) },
    { label: 'unit dashboard (its leader, subtree)', goalMs: 100, send: (p) => reportProvinceUnits({ ctx: unitLeader, tenantId, input: p }) },
    { label: 'stuck list, first page (province admin)', goalMs: 100, send: () => listWorkList({ ctx: provinceAdmin, tenantId, list: 'stuck', input: {} }) },
    { label: 'ministry summary of every province', goalMs: 200, send: (p) => reportProvinces({ ctx: ministry, input: p }) },
  ];
  const only = values.only;
  const operations = only === undefined ? all : all.filter((op) => op.label.includes(only));
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const requests = periods();
  const rows: string[] = [];
  try {
    for (const op of operations) {
      log(`${op.label}: warm-up, then ${seconds} s with ${clients} clients…`);
      await closedLoop({ clients, seconds: 2, requests, send: op.send });
      const result = await closedLoop({ clients, seconds, requests, send: op.send });
      const [p50, p95] = [percentile(result.latencies, 50), percentile(result.latencies, 95)];
      rows.push(
        `${op.label.padEnd(42)} ${String(result.requests).padStart(8)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}   < ${op.goalMs} ms: ${p95 < op.goalMs ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  console.log(
    `monitoring reads on ${total.toLocaleString('en-US')} dossiers; largest province ${busiest.provinceDossiers.toLocaleString('en-US')}, its busiest unit ${busiest.unitDossiers.toLocaleString('en-US')}`,
  );
  console.log(`${clients} clients × ${seconds} s per read over the month, last-quarter and year presets; load average at start: ${load}\n`);
  console.log(`${'read'.padEnd(42)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}   goal (p95)`);
  for (const row of rows) console.log(row);
  if (only === undefined) await exportFigures(exportRows);
}

/** A 100,000-row XLSX export's time and memory, each run in a process of its own. */
async function exportFigures(exportRows: number) {
  log(`exporting ${exportRows.toLocaleString('en-US')} dossiers as XLSX in a process of its own…`);
  const smallRows = Math.min(10_000, exportRows);
  const [small, large] = [await measureExport('xlsx', smallRows, false), await measureExport('xlsx', exportRows, false)];
  // Live heap (after forced collections, untimed runs): what the export holds, not the garbage a
  // lazy collector leaves behind, which peak RSS and heap include.
  const [smallLive, largeLive] = [(await measureExport('xlsx', smallRows, true)).live ?? 0, (await measureExport('xlsx', exportRows, true)).live ?? 0];
  const mb = (b: number) => (b / MB).toFixed(0);
  console.log(
    `\nXLSX export: ${large.rows.toLocaleString('en-US')} rows in ${large.seconds.toFixed(1)} s, peak RSS ${mb(large.peak.rss)} MB (${mb(small.peak.rss)} MB for ${small.rows.toLocaleString('en-US')} rows), peak heap ${mb(large.peak.heap)} MB (${mb(small.peak.heap)} MB); whole file: ${large.complete ? 'yes' : 'NO'}`,
  );
  console.log(
    `live heap after collections: ${mb(largeLive)} MB for ${large.rows.toLocaleString('en-US')} rows, ${mb(smallLive)} MB for ${small.rows.toLocaleString('en-US')}; flat (within 25%): ${largeLive <= smallLive * 1.25 ? 'met' : 'NOT met'}`,
  );
}

main().catch((error: unknown) => {
  if (isUsageError(error)) console.error(`bench:reports: ${error.message}\n${USAGE}`);
  else console.error(error instanceof ConfigError ? `bench:reports: ${error.message}` : error);
  process.exit(1);
});
