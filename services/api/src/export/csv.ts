import type { Cell } from './columns.js';

/** UTF-8's byte order mark: without it Excel opens a CSV in the machine's ANSI code page and garbles every diacritic. */
export const BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a
 * quote in front keeps it text, as OWASP advises. Numbers are written as numbers and never
 * prefixed, so a negative count stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  // RFC 4180: a field holding a quote, a comma or a line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, RFC 4180: comma-separated, CRLF-terminated. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(field).join(',')}\r\n`;
}
