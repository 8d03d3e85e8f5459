import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { exportStream, writeExport, type ExportFormat } from '@gov/api/export';
import { PROVINCE_DOSSIER_COLUMNS } from '@gov/api/report-exports';
import { exportProvinceDossiers, listProvinces, type ServiceContext } from '@gov/core';
import { createDb } from '@gov/db';
import { createAppAbility } from '@gov/domain';
import { databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from '../env.js';
import { countOption } from '../synthetic/cli-options.js';

/** What one measured export reports to `bench:export`, as one JSON line on stdout. */
export interface ExportRun {
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  /** Resident set and V8 heap before the export started, after the modules and the pool are up. */
  baseline: { rss: number; heap: number };
  /** The largest of each sampled every 10 ms while the export ran. */
  peak: { rss: number; heap: number };
  /**
   * With `--collect`: the largest heap still in use after a full collection, forced every 250 ms
   * while the export ran: what the export holds, without the garbage a lazy collector leaves in
   * `peak.heap`. The collections slow the export down, so such a run is not timed.
   */
  live: number | null;
  /** Whether the file ended as a whole file does: CSV with a line per row, XLSX with its zip directory. */
  complete: boolean;
}

/** A ministry analyst, as the reports see one: the national `read Report` right and nothing else. */
function ministryContext(db: ServiceContext['db'], sql: ServiceContext['sql']): ServiceContext {
  return {
    requestId: `bench-${randomUUID()}`,
    db,
    sql,
    actor: { userId: randomUUID(), kind: 'ministry', displayName: 'Bench' },
    ability: createAppAbility([{ action: 'read', subject: 'Report' }]),
    grants: [],
  };
}

/** Every province's dossiers in turn, each through the core verb and its own cursor, `limit` rows in all. */
async function* nationalDossiers(ctx: ServiceContext, limit: number) {
  let left = limit;
  for (const province of await listProvinces({ ctx })) {
    for await (const row of exportProvinceDossiers({ ctx, tenantId: province.id, input: {} })) {
      if (left-- === 0) return;
      yield row;
    }
  }
}

/**
 * One export in a process of its own (so its peak memory is its own): the dossier rows through
 * `exportProvinceDossiers` and its cursor, the columns of the route, the writer and the stream
 * `exportResponse` answers with, read as fast as it comes, as by a client on a fast link. Run by
 * `bench:export`.
 */
/** `node --expose-gc` makes it a global; the bench always starts this file that way. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main() {
  const { values } = parseArgs({ options: { format: { type: 'string' }, rows: { type: 'string' }, collect: { type: 'boolean' } } });
  const format = values.format === 'xlsx' ? 'xlsx' : 'csv';
  const rows = countOption('rows', values.rows, 10_000);
  const { db, sql } = createDb(databaseUrls(readScriptsEnv()).app, { max: 2 });
  const ctx = ministryContext(db, sql);
  try {
    await listProvinces({ ctx });
    gc();
    const baseline = { rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed };
    const peak = { ...baseline };
    const sample = setInterval(() => {
      const { rss, heapUsed } = process.memoryUsage();
      peak.rss = Math.max(peak.rss, rss);
      peak.heap = Math.max(peak.heap, heapUsed);
    }, 10);
    let live: number | null = null;
    const collect = setInterval(() => {
      if (!values.collect) return;
      gc();
      live = Math.max(live ?? 0, process.memoryUsage().heapUsed);
    }, 250);
    const started = performance.now();
    // As exportResponse does: the writer fills the stream the answer's body is read from.
    const out = exportStream();
    const written = writeExport(format, { columns: PROVINCE_DOSSIER_COLUMNS, language: 'vi', sheetName: 'Hồ sơ', rows: nationalDossiers(ctx, rows) }, out);
    let bytes = 0;
    let newlines = 0;
    let tail = Buffer.alloc(0);
    for await (const chunk of out as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      if (format === 'csv') for (const byte of chunk) newlines += byte === 0x0a ? 1 : 0;
      tail = Buffer.concat([tail, chunk]).subarray(-64);
    }
    await written;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    clearInterval(collect);
    // A zip ends with its end-of-central-directory record (PK\x05\x06, 22 bytes without a comment).
    const complete = format === 'csv' ? newlines === rows + 1 : tail.subarray(-22, -18).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const run: ExportRun = { format, rows, bytes, seconds, baseline, peak, live, complete };
    console.log(JSON.stringify(run));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

await main();
