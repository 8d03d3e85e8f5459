import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, ExportColumn, ExportFormat } from './columns.js';
import { BOM, csvRecord } from './csv.js';

/** XLSX's limit is 1,048,576 rows a sheet; the header takes one, then the rows go on in a new sheet. */
export const ROWS_PER_SHEET = 1_048_575;

/** The export was stopped because the reader went away; not an error worth logging. */
export class ExportAborted extends Error {
  constructor() {
    super('export aborted: the output closed');
  }
}

/**
 * Waits while `out` has more queued than its high-water mark, so rows are read from the database
 * only as fast as the client takes them and memory stays flat whatever the row count. Throws
 * ExportAborted once `out` is gone (the client left), which stops the reading.
 */
async function room(out: Writable): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (!out.writableNeedDrain) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new ExportAborted();
}

export interface ExportSource<R> {
  columns: readonly ExportColumn<R>[];
  language: 'vi' | 'en';
  /** The sheet's name in the workbook (at most 31 characters; longer is cut). */
  sheetName: string;
  rows: AsyncIterable<R>;
}

const cells = <R>(columns: readonly ExportColumn<R>[], row: R): Cell[] => columns.map((column) => column.value(row));

async function writeCsv<R>(source: ExportSource<R>, out: Writable): Promise<void> {
  out.write(BOM + csvRecord(source.columns.map((column) => column[source.language])));
  for await (const row of source.rows) {
    await room(out);
    out.write(csvRecord(cells(source.columns, row)));
  }
  out.end();
  await once(out, 'finish');
}

/**
 * exceljs's streaming writer: each committed row goes to the zip as it is written, and no shared
 * string table is kept (it would grow with every distinct text). The zip's central directory is
 * written last, by `commit()`, so a workbook cut off before it does not open.
 */
async function writeXlsx<R>(source: ExportSource<R>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const header = source.columns.map((column) => column[source.language]);
  const name = source.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let sheet: ExcelJS.Worksheet | undefined;
  let inSheet = ROWS_PER_SHEET;
  let sheets = 0;
  for await (const row of source.rows) {
    if (inSheet === ROWS_PER_SHEET) {
      sheet?.commit();
      sheets += 1;
      sheet = workbook.addWorksheet(sheets === 1 ? name : `${name} ${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = source.columns.map((column, i) => ({ key: column.key, width: Math.min(Math.max(header[i]!.length + 2, 12), 40) }));
      const top = sheet.addRow(header);
      top.font = { bold: true };
      top.commit();
      inSheet = 0;
    }
    await room(out);
    sheet!.addRow(cells(source.columns, row)).commit();
    inSheet += 1;
  }
  if (!sheet) {
    // No rows: the header alone, so the file still says what it would hold.
    sheet = workbook.addWorksheet(name);
    sheet.addRow(header).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Writes every row to `out` as CSV or XLSX and ends it; on any failure part-way (the database,
 * a formatter, the client leaving) `out` is destroyed with the error, never ended, so whoever
 * reads it sees a broken transfer rather than a short file that looks complete.
 */
export async function writeExport<R>(format: ExportFormat, source: ExportSource<R>, out: Writable): Promise<void> {
  try {
    await (format === 'csv' ? writeCsv(source, out) : writeXlsx(source, out));
  } catch (error) {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** A stream to write an export into, with room for a few batches before `room()` waits. */
export function exportStream(): PassThrough {
  return new PassThrough({ highWaterMark: 256 * 1024 });
}
