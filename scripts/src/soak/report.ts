import { growthPercent, type MemorySample } from './memory.js';
import type { OperationFigures } from './recorder.js';
import type { StoreFigures } from './stores.js';

/** Goals the soak holds the run to (docs/operations/capacity-per-dossier.md). */
export const GOALS = { errors: 0, memoryGrowthPercent: 10, inboxP99Ms: 100 } as const;

export interface ProcessMemory {
  name: string;
  start?: MemorySample;
  end?: MemorySample;
}

const MB = 1024 * 1024;
const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / MB).toFixed(0)} MB`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const pct = (before: number | undefined, after: number | undefined) =>
  before === undefined || after === undefined ? '—' : `${growthPercent(before, after) >= 0 ? '+' : ''}${growthPercent(before, after).toFixed(1)}%`;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
};

export function operationsTable(figures: OperationFigures[]): string {
  const total = figures.reduce((sum, f) => ({ count: sum.count + f.count, errors: sum.errors + f.errors }), { count: 0, errors: 0 });
  return table([
    ['operation', 'requests', 'errors', 'p50 ms', 'p99 ms'],
    ...figures.map((f) => [f.operation, int(f.count), int(f.errors), ms(f.p50Ms), ms(f.p99Ms)]),
    ['all', int(total.count), int(total.errors), '', ''],
  ]);
}

export function memoryTable(processes: ProcessMemory[]): string {
  return table([
    ['process', 'RSS start', 'RSS end', 'change', 'heap start', 'heap end', 'change', 'cached workflows'],
    ...processes.map(({ name, start, end }) => [
      name,
      mb(start?.rssBytes),
      mb(end?.rssBytes),
      pct(start?.rssBytes, end?.rssBytes),
      mb(start?.heapUsedBytes),
      mb(end?.heapUsedBytes),
      pct(start?.heapUsedBytes, end?.heapUsedBytes),
      start?.cachedWorkflows === undefined ? '' : `${int(start.cachedWorkflows)} → ${int(end?.cachedWorkflows ?? NaN)}`,
    ]),
  ]);
}

export function storesLines(start: StoreFigures, end: StoreFigures, names: { app: string; temporal: string; visibility: string }): string {
  const added = end.dossiers - start.dossiers;
  const perDossier = (key: keyof StoreFigures['bytes']) =>
    added > 0 ? `, ${int((end.bytes[key] - start.bytes[key]) / added / 1024)} KB per dossier added` : '';
  return [
    `dossiers: ${int(start.dossiers)} → ${int(end.dossiers)} (open ${int(start.openDossiers)} → ${int(end.openDossiers)})`,
    ...(['app', 'temporal', 'visibility'] as const).map((key) => `database ${names[key]}: ${mb(start.bytes[key])} → ${mb(end.bytes[key])}${perDossier(key)}`),
  ].join('\n');
}

export interface Verdict {
  lines: string[];
  passed: boolean;
}

/** The goals the exit status follows (errors, memory) and the one it reports only (the inbox p99). */
export function verdict(args: { errors: number; processes: ProcessMemory[]; inboxP99Ms: number | undefined }): Verdict {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const grown = args.processes.filter((p) => p.start && p.end && growthPercent(p.start.rssBytes, p.end.rssBytes) > GOALS.memoryGrowthPercent);
  const unread = args.processes.filter((p) => !p.start || !p.end);
  const memoryOk = grown.length === 0 && unread.length === 0;
  const lines = [
    `errors: ${int(args.errors)} (goal ${GOALS.errors}, warm-up included): ${met(args.errors <= GOALS.errors)}`,
    `memory: RSS of every process within +${GOALS.memoryGrowthPercent}% from the first third after the warm-up to the last (peaks): ${met(memoryOk)}` +
      (grown.length ? ` (${grown.map((p) => `${p.name} ${pct(p.start?.rssBytes, p.end?.rssBytes)}`).join(', ')})` : '') +
      (unread.length ? ` (not read: ${unread.map((p) => p.name).join(', ')})` : ''),
    `officer inbox p99: ${ms(args.inboxP99Ms ?? NaN)} ms (goal < ${GOALS.inboxP99Ms} ms; reported, not part of the exit status): ${met((args.inboxP99Ms ?? Infinity) < GOALS.inboxP99Ms)}`,
  ];
  return { lines, passed: args.errors <= GOALS.errors && memoryOk };
}
