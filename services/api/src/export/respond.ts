import { Readable } from 'node:stream';
import type { Logger } from '@gov/runtime';
import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from '../app-env.js';
import { preferredLanguage } from '../problem-response.js';
import type { ExportColumn, ExportFormat } from './columns.js';
import { ExportAborted, exportStream, writeExport } from './write-export.js';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file answer, typed apart from JSON so a route that answers either keeps its JSON type for the
 * web app's client (a bare `Response` would absorb it).
 */
export type ExportAnswer = Response & TypedResponse<ReadableStream<Uint8Array>, 200, 'body'>;

export interface ExportRequest<R> {
  format: ExportFormat;
  /** The file's name without extension, in both languages; ASCII only is safest for the plain `filename`. */
  filename: { vi: string; en: string };
  /** The sheet's name in the workbook, in both languages (at most 28 characters are kept); the filename when left out. */
  sheetName?: { vi: string; en: string };
  columns: readonly ExportColumn<R>[];
  /** Rows as the core verb reads them, with a database cursor: never all at once. */
  rows: AsyncIterable<R>;
}

/** Rows already in memory (a report of 34 provinces) as the async rows an export reads. */
export async function* fromList<R>(rows: Iterable<R>): AsyncGenerator<R> {
  // One row per turn, as a cursor's rows arrive, so the writer's back-pressure works the same.
  for (const row of rows) yield await Promise.resolve(row);
}

/** `bao-cao-tinh` from `Báo cáo tỉnh`: the plain filename for clients that ignore `filename*`. */
const asciiName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();

/**
 * Answers with the export, streamed. The first row is read before the answer starts, so a refusal
 * (no right to read, a province that does not exist, a bad filter) is still a problem with its own
 * status; from then on the status is 200 and a failure can only break the transfer: the body is
 * destroyed, not ended, so the client sees a download that failed (no final chunk; for XLSX also
 * no zip directory), never a short file that looks whole. The failure is logged with the request id.
 */
export async function exportResponse<R>(c: Context<AppEnv>, logger: Logger, request: ExportRequest<R>): Promise<ExportAnswer> {
  // `lang` has been checked by the route's FormatQuery; a link sets it, a program sends the header.
  const asked = c.req.query('lang');
  const language = asked === 'vi' || asked === 'en' ? asked : preferredLanguage(c.req.header('Accept-Language'));
  const iterator = request.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rows(): AsyncGenerator<R> {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early (the client left, a write failed): closes the cursor and its transaction.
      await iterator.return?.();
    }
  }
  const out = exportStream();
  const name = request.filename[language];
  const file = `${asciiName(name)}.${request.format}`;
  const sheetName = (request.sheetName ?? request.filename)[language];
  writeExport(request.format, { columns: request.columns, language, sheetName, rows: rows() }, out).catch((error: unknown) => {
    if (error instanceof ExportAborted) return;
    logger.error({ requestId: c.get('requestId'), err: error, format: request.format }, 'export failed part-way; the transfer was broken off');
  });
  // Through the context, so the headers set before the handler (X-Request-Id) go out too.
  return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
    'Content-Type': request.format === 'csv' ? CSV_MEDIA_TYPE : XLSX_MEDIA_TYPE,
    'Content-Disposition': `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(`${name}.${request.format}`)}`,
    'Content-Language': language,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Language',
  });
}
