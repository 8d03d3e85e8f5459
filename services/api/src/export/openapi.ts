import { jsonAnswer } from '../routes/answer.js';
import { XLSX_MEDIA_TYPE } from './respond.js';

const file = (description: string) => ({ schema: { type: 'string' as const, format: 'binary', description } });

/**
 * A list's or report's 200 answer: its JSON, or with `?format=csv|xlsx` every matching row as a
 * download (docs/reports/exports.md). The three media types sit on the one operation, as the
 * same filters and rights apply to all of them.
 */
export function listOrExportAnswer(description: string, schema: Parameters<typeof jsonAnswer>[1]) {
  const json = jsonAnswer(description, schema);
  return {
    200: {
      description: `${description}; with format=csv or format=xlsx, every matching row as a download (Vietnamese headers unless Accept-Language prefers English)`,
      content: {
        ...json.content,
        'text/csv': file('format=csv: UTF-8 with a byte order mark, comma-separated, CRLF, a header row'),
        [XLSX_MEDIA_TYPE]: file('format=xlsx: one sheet (a new one every 1,048,575 rows), a bold frozen header row'),
      },
    },
  };
}
