import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../export/index.js';

/** An export's answer read back as a spreadsheet would: its file name and its rows of cells, header first. */
export interface ReadExport {
  /** The `filename*` of Content-Disposition, decoded: the Vietnamese name a browser saves under. */
  filename: string;
  rows: unknown[][];
}

function filenameOf(response: Response): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  if (!encoded) throw new Error(`no filename* in Content-Disposition: ${disposition}`);
  return decodeURIComponent(encoded);
}

/** Reads a CSV export; fails unless it is UTF-8 with a byte order mark, as Excel needs. */
export async function readCsv(response: Response): Promise<ReadExport> {
  if (response.headers.get('Content-Type') !== CSV_MEDIA_TYPE) throw new Error(`not CSV: ${response.headers.get('Content-Type')}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) throw new Error('the CSV has no UTF-8 byte order mark');
  const rows: string[][] = parse(bytes, { bom: true });
  return { filename: filenameOf(response), rows };
}

/** Reads an XLSX export with exceljs's reader: every sheet's rows, in order, header rows included. */
export async function readXlsx(response: Response): Promise<ReadExport & { sheets: string[] }> {
  if (response.headers.get('Content-Type') !== XLSX_MEDIA_TYPE) throw new Error(`not XLSX: ${response.headers.get('Content-Type')}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  // exceljs counts rows and cells from 1 and leaves empty cells out: each row is filled to the
  // header's width with null, as the CSV reads an empty field as ''.
  const rows = workbook.worksheets.flatMap((sheet) => {
    const width = sheet.getRow(1).cellCount;
    return sheet
      .getSheetValues()
      .slice(1)
      .map((row) => Array.from({ length: width }, (_, i) => (row as unknown[])[i + 1] ?? null));
  });
  return { filename: filenameOf(response), rows, sheets: workbook.worksheets.map((sheet) => sheet.name) };
}
