import { vietnamDate, vietnamLocalDateTime } from '@gov/calendar';
import * as v from 'valibot';

/** What one cell holds: text, a number (kept a number in XLSX, so sums work), or nothing. */
export type Cell = string | number | null;

/**
 * One column of an export: its key, its header in both languages (the export follows
 * `Accept-Language` like the problems do: Vietnamese unless English is preferred) and how a row
 * becomes the cell.
 */
export interface ExportColumn<R> {
  key: string;
  vi: string;
  en: string;
  value: (row: R) => Cell;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The query parameter that turns a list or report into a download of every matching row. */
export const FormatQuery = {
  format: v.optional(
    v.pipe(v.picklist(EXPORT_FORMATS, 'định dạng là csv hoặc xlsx'), v.description('csv or xlsx: download every matching row instead of a JSON page')),
  ),
  /** A download link cannot set Accept-Language: the page names its own language instead. */
  lang: v.optional(
    v.pipe(v.picklist(['vi', 'en'], 'ngôn ngữ là vi hoặc en'), v.description("A download's headers and name: vi or en (default: from Accept-Language)")),
  ),
};

/**
 * An instant as a person in Vietnam reads it, `2026-03-02 09:00:00`, whatever the server's zone:
 * both spreadsheets recognise it as a date and time without a zone suffix to trip on.
 */
export const vietnamTime = (at: Date | null | undefined): Cell => (at ? vietnamLocalDateTime(at).replace('T', ' ') : null);
/** The civil day in Vietnam of an instant, `2026-03-02`. */
export const vietnamDay = (at: Date | null | undefined): Cell => (at ? vietnamDate(at) : null);
/** Yes/no in the export's language is decided by the header; the cell says Có / Không in Vietnamese, as the pages do. */
export const yesNo = (flag: boolean): Cell => (flag ? 'Có' : 'Không');
