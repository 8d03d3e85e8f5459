import type { ImportProblem } from '@gov/domain';
import { parse } from 'csv-parse/sync';

export type CsvTable = { ok: true; header: string[]; rows: { line: number; cells: Record<string, string> }[] } | { ok: false; problem: ImportProblem };

/**
 * Tokenises an uploaded CSV file as spreadsheet software writes it: UTF-8 with or without the BOM
 * Excel adds, `,` or `;` between cells (Excel in a Vietnamese locale writes `;`; the header line tells which), quotes and line
 * breaks inside cells. Rows keep their line in the file (the header is line 1), so a report points
 * at what the person sees when they open it.
 */
export function readCsvTable(text: string): CsvTable {
  let lines: string[][];
  try {
    lines = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, delimiter: delimiterOf(text) });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return {
      ok: false,
      problem: {
        row: line,
        field: '',
        problem: 'tệp CSV bị lỗi định dạng (dấu ngoặc kép hoặc số cột)',
        problemEn: `malformed CSV (${(error as Error).message})`,
      },
    };
  }
  const [first = [], ...body] = lines;
  const header = first.map((h) => h.trim());
  return { ok: true, header, rows: body.map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(header.map((name, c) => [name, cells[c] ?? ''])) })) };
}

/**
 * The separator the header line uses: `;` when it has semicolons and no commas, else `,`. Decided
 * once for the file, so a `;` inside a comma-separated cell (a list in the catalog) stays text.
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** `Số CCCD` and `so_cccd` alike: a header compared without case, accents or punctuation. */
export const headerKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Which file column holds each field, given the headings each field may have (Vietnamese first,
 * the first one named in a report). An unknown column is refused rather than silently dropped.
 */
export function matchColumns<F extends string>(header: readonly string[], columns: Record<F, readonly string[]>) {
  const fields = Object.keys(columns) as F[];
  const columnOf = new Map<F, string>();
  const problems: ImportProblem[] = [];
  for (const name of header) {
    const field = fields.find((f) => columns[f].some((alias) => headerKey(alias) === headerKey(name)));
    if (field) columnOf.set(field, name);
    else problems.push({ row: 1, field: name, problem: `cột "${name}" không được hỗ trợ`, problemEn: `unknown column "${name}"` });
  }
  for (const field of fields) {
    const heading = columns[field][0] ?? field;
    if (!columnOf.has(field)) problems.push({ row: 1, field: heading, problem: `thiếu cột "${heading}"`, problemEn: `missing column "${heading}"` });
  }
  /** A row's cells by field name. */
  const fieldsOf = (cells: Record<string, string>) => Object.fromEntries([...columnOf].map(([field, name]) => [field, cells[name] ?? '']));
  /** The file's own heading of a field, for a report. */
  const heading = (field: string) => columnOf.get(field as F) ?? field;
  return { problems, fieldsOf, heading };
}
