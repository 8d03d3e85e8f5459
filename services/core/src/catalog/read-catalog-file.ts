import { csvRowsToRecords, parseCatalogJson, type ImportResult, type ProcedureRecord } from '@gov/domain';
import { stringify } from 'csv-stringify/sync';
import { CATALOG_CSV_COLUMNS, recordToCsvRow } from '@gov/domain';
import { readCsvTable } from '../csv/read-csv-table.js';

export type CatalogFormat = 'csv' | 'json';

function parseCatalogCsv(text: string): ImportResult<ProcedureRecord> {
  const table = readCsvTable(text);
  if (!table.ok) return { records: [], problems: [table.problem] };
  return csvRowsToRecords(
    table.header,
    table.rows.map((r) => r.cells),
    2,
  );
}

/** Reads an import file in either format into records and a report (báo cáo lỗi). */
export function readCatalogFile(format: CatalogFormat, text: string): ImportResult<ProcedureRecord> {
  return format === 'csv' ? parseCatalogCsv(text) : parseCatalogJson(text);
}

/** CSV with a BOM so spreadsheet software opens the Vietnamese text as UTF-8. */
export function writeCatalogCsv(records: readonly ProcedureRecord[]): string {
  return `\uFEFF${stringify([[...CATALOG_CSV_COLUMNS], ...records.map(recordToCsvRow)])}`;
}
