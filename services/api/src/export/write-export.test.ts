import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { vietnamTime, type ExportColumn } from './columns.js';
import { writeExport } from './write-export.js';

interface Row {
  code: string;
  name: string;
  at: Date;
  count: number;
}
const columns: ExportColumn<Row>[] = [
  { key: 'code', vi: 'Mã hồ sơ', en: 'Dossier code', value: (r) => r.code },
  { key: 'name', vi: 'Tên thủ tục', en: 'Procedure', value: (r) => r.name },
  { key: 'at', vi: 'Ngày tiếp nhận', en: 'Received', value: (r) => vietnamTime(r.at) },
  { key: 'count', vi: 'Số lượng', en: 'Count', value: (r) => r.count },
];
const ROWS: Row[] = [
  { code: 'H01', name: 'Đăng ký khai sinh, "kết hợp"', at: new Date('2026-03-01T17:30:00Z'), count: 3 },
  { code: 'H02', name: 'Cấp giấy phép xây dựng\nnhà ở riêng lẻ', at: new Date('2026-03-02T02:00:00Z'), count: 0 },
];
async function* rows(list: Row[], failAfter?: number) {
  for (const [i, row] of list.entries()) {
    // A cursor's rows arrive between awaits, as they do from the database.
    await Promise.resolve();
    if (i === failAfter) throw new Error('the database went away');
    yield row;
  }
}
function collect(out: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
}

describe('writeExport', () => {
  it('writes CSV with a BOM, Vietnamese headers, RFC 4180 quoting, CRLF and Vietnam time', async () => {
    const out = new PassThrough();
    const body = collect(out);
    await writeExport('csv', { columns, language: 'vi', sheetName: 'Hồ sơ', rows: rows(ROWS) }, out);
    const bytes = await body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFMã hồ sơ,Tên thủ tục,Ngày tiếp nhận,Số lượng');
    const records: unknown = parse(bytes, { bom: true });
    expect(records).toEqual([
      ['Mã hồ sơ', 'Tên thủ tục', 'Ngày tiếp nhận', 'Số lượng'],
      ['H01', 'Đăng ký khai sinh, "kết hợp"', '2026-03-02 00:30:00', '3'],
      ['H02', 'Cấp giấy phép xây dựng\nnhà ở riêng lẻ', '2026-03-02 09:00:00', '0'],
    ]);
  });

  it('writes XLSX that exceljs opens, with the headers and diacritics intact and numbers as numbers', async () => {
    const out = new PassThrough();
    const body = collect(out);
    await writeExport('xlsx', { columns, language: 'en', sheetName: 'Hồ sơ', rows: rows(ROWS) }, out);
    const workbook = new ExcelJS.Workbook();
    const bytes = await body;
    // exceljs types its input as the older Buffer; the bytes are the same.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Hồ sơ');
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['Dossier code', 'Procedure', 'Received', 'Count'],
      ['H01', 'Đăng ký khai sinh, "kết hợp"', '2026-03-02 00:30:00', 3],
      ['H02', 'Cấp giấy phép xây dựng\nnhà ở riêng lẻ', '2026-03-02 09:00:00', 0],
    ]);
  });

  it.each(['csv', 'xlsx'] as const)('breaks a %s export that fails part-way: the stream errors, never ends', async (format) => {
    const out = new PassThrough();
    const body = collect(out);
    await expect(writeExport(format, { columns, language: 'vi', sheetName: 'Hồ sơ', rows: rows(ROWS, 1) }, out)).rejects.toThrow('the database went away');
    await expect(body).rejects.toThrow('the database went away');
    expect(out.writableFinished).toBe(false);
  });
});
