import { validateCatalogItems } from './catalog-json.js';
import type { ImportProblem, ImportResult } from './import-report.js';
import type { ChannelTime, ProcedureRecord } from './procedure-record.js';

/**
 * The CSV layout of the catalog, one procedure per line. Tokenising (quotes, line breaks in
 * cells) is left to a CSV library in the caller; this module maps cells to records and back, so
 * it stays pure. Cell conventions, chosen so a spreadsheet user can edit the simple columns:
 * - `channels`: `online;in_person;postal`
 * - `processingTime`: `online:5:working_days;in_person:5:working_days`
 * - `cases`, `fees`, `forms`: JSON (nested lists do not fit in cells any other way)
 * - flags: `true`/`false` (also `1`/`0`, `có`/`không`)
 */
export const CATALOG_CSV_COLUMNS = [
  'code',
  'name',
  'sector',
  'level',
  'channels',
  'processingTime',
  'cases',
  'applicants',
  'handlingAgency',
  'result',
  'fees',
  'forms',
  'conditions',
  'legalBasis',
  'onlineServiceLevel',
  'interAgency',
  'jurisdictionFree',
  'resultDigitallySigned',
  'feePaidOnline',
] as const;
type Column = (typeof CATALOG_CSV_COLUMNS)[number];

const JSON_COLUMNS: Column[] = ['cases', 'fees', 'forms'];
const FLAG_COLUMNS: Column[] = ['interAgency', 'jurisdictionFree', 'resultDigitallySigned', 'feePaidOnline'];
const FLAGS: Record<string, boolean> = { true: true, '1': true, có: true, false: false, '0': false, không: false, '': false };

type CellProblem = Omit<ImportProblem, 'row'>;

function list(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

function readCell(column: Column, cell: string): { value: unknown } | CellProblem {
  const text = cell.trim();
  if (JSON_COLUMNS.includes(column)) {
    if (text === '') return { value: column === 'cases' ? undefined : [] };
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { field: column, problem: 'ô này phải chứa JSON hợp lệ', problemEn: 'this cell must hold valid JSON' };
    }
  }
  if (FLAG_COLUMNS.includes(column)) {
    const flag = FLAGS[text.toLowerCase()];
    if (flag === undefined) return { field: column, problem: 'phải là true hoặc false', problemEn: 'must be true or false' };
    return { value: flag };
  }
  if (column === 'channels') return { value: list(text) };
  if (column === 'processingTime') {
    // A malformed entry keeps its raw parts so the schema names the exact sub-field.
    const times = list(text).map((entry) => {
      const [channel, amount, unit] = entry.split(':').map((p) => p.trim());
      return { channel, amount: amount ? Number(amount) : undefined, unit };
    });
    return { value: times };
  }
  return { value: text === '' ? undefined : text };
}

/** Rows as read with the header line as keys; `firstLine` is the spreadsheet line of rows[0]. */
export function csvRowsToRecords(header: readonly string[], rows: readonly Record<string, string>[], firstLine = 2): ImportResult<ProcedureRecord> {
  const missing = CATALOG_CSV_COLUMNS.filter(
    (c) => !header.includes(c) && !['applicants', 'handlingAgency', 'result', 'fees', 'forms', 'conditions', 'legalBasis', ...FLAG_COLUMNS].includes(c),
  );
  const unknown = header.filter((h) => !(CATALOG_CSV_COLUMNS as readonly string[]).includes(h));
  const headerProblems: ImportProblem[] = [
    ...missing.map((c) => ({ row: 1, field: c, problem: `thiếu cột ${c}`, problemEn: `missing column ${c}` })),
    ...unknown.map((c) => ({ row: 1, field: c, problem: `cột ${c} không được hỗ trợ`, problemEn: `unknown column ${c}` })),
  ];
  if (headerProblems.length > 0) return { records: [], problems: headerProblems };
  const cellProblems: ImportProblem[] = [];
  const items = rows.map((cells, i) => {
    const row = firstLine + i;
    const item: Record<string, unknown> = {};
    for (const column of CATALOG_CSV_COLUMNS) {
      if (!(column in cells)) continue;
      const read = readCell(column, cells[column] ?? '');
      if ('value' in read) {
        if (read.value !== undefined) item[column] = read.value;
      } else cellProblems.push({ row, ...read });
    }
    return { row, item };
  });
  const result = validateCatalogItems(items);
  // A cell that failed to parse would also fail the schema; report it once, as the cell problem.
  const cellKeys = new Set(cellProblems.map((p) => `${p.row}:${p.field}`));
  result.records = result.records.filter((r) => !cellProblems.some((p) => p.row === r.row));
  result.problems = [...cellProblems, ...result.problems.filter((p) => !cellKeys.has(`${p.row}:${p.field.split('.')[0]}`))].sort((a, b) => a.row - b.row);
  return result;
}

const timeCell = (times: readonly ChannelTime[]) => times.map((t) => `${t.channel}:${t.amount}:${t.unit}`).join(';');

/** One CSV row per record, in `CATALOG_CSV_COLUMNS` order; `csvRowsToRecords` reads it back. */
export function recordToCsvRow(r: ProcedureRecord): string[] {
  const cells: Record<Column, string> = {
    code: r.code,
    name: r.name,
    sector: r.sector,
    level: r.level,
    channels: r.channels.join(';'),
    processingTime: timeCell(r.processingTime),
    cases: JSON.stringify(r.cases),
    applicants: r.applicants ?? '',
    handlingAgency: r.handlingAgency ?? '',
    result: r.result ?? '',
    fees: JSON.stringify(r.fees),
    forms: JSON.stringify(r.forms),
    conditions: r.conditions ?? '',
    legalBasis: r.legalBasis ?? '',
    onlineServiceLevel: r.onlineServiceLevel,
    interAgency: String(r.interAgency),
    jurisdictionFree: String(r.jurisdictionFree),
    resultDigitallySigned: String(r.resultDigitallySigned),
    feePaidOnline: String(r.feePaidOnline),
  };
  return CATALOG_CSV_COLUMNS.map((c) => cells[c]);
}
