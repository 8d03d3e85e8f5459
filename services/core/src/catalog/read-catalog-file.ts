import { csvRowsToRecords, parseCatalogJson, type ImportResult, type ProcedureRecord } from '@gov/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CATALOG_CSV_COLUMNS, recordToCsvRow } from '@gov/domain';

export type CatalogFormat = 'csv' | 'json';

/** Tokenises CSV (quotes, commas and line breaks inside cells) and maps it with the domain rules. */
function parseCatalogCsv(text: string): ImportResult<ProcedureRecord> {
  let lines: string[][];
  try {
    // A UTF-8 BOM is what spreadsheet software writes; strip it rather than reject the header.
    lines = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return {
      records: [],
      problems: [
        { row: line, field: '', problem: 'tệp CSV bị lỗi định dạng (dấu ngoặc kép hoặc số cột)', problemEn: `malformed CSV (${(error as Error).message})` },
      ],
    };
  }
  const [header = [], ...body] = lines;
  const names = header.map((h) => h.trim());
  const rows = body.map((cells) => Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])));
  return csvRowsToRecords(names, rows, 2);
}

/** Reads an import file in either format into records and a report (báo cáo lỗi). */
export function readCatalogFile(format: CatalogFormat, text: string): ImportResult<ProcedureRecord> {
  return format === 'csv' ? parseCatalogCsv(text) : parseCatalogJson(text);
}

/** CSV with a BOM so spreadsheet software opens the Vietnamese text as UTF-8. */
export function writeCatalogCsv(records: readonly ProcedureRecord[]): string {
  return `\uFEFF${stringify([[...CATALOG_CSV_COLUMNS], ...records.map(recordToCsvRow)])}`;
}
