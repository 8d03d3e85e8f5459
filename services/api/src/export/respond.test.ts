import { forbidden } from '@gov/domain';
import { createLogger } from '@gov/runtime';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { errorHandler } from '../error-handler.js';
import { readProblem } from '../testing/problem.js';
import type { ExportColumn } from './columns.js';
import { exportResponse } from './respond.js';

interface Row {
  name: string;
}
const columns: ExportColumn<Row>[] = [{ key: 'name', vi: 'Tên', en: 'Name', value: (r) => r.name }];

/** Rows as a cursor gives them, failing with `failure` once `count` rows are out. */
async function* rows(count: number, failure: () => Error) {
  for (let i = 0; i < count; i++) {
    await Promise.resolve();
    yield { name: `Hồ sơ số ${i}` };
  }
  throw failure();
}

/** A route that exports `source`, with the app's error handler and a log kept in `lines`. */
function appExporting(format: 'csv' | 'xlsx', source: () => AsyncIterable<Row>) {
  const lines: string[] = [];
  const logger = createLogger('info', 'api', { write: (line: string) => lines.push(line) });
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.onError(errorHandler(logger));
  app.get('/export', (c) => exportResponse(c, logger, { format, filename: { vi: 'Tệp thử', en: 'Test file' }, columns, rows: source() }));
  return { app, lines };
}

describe('exportResponse', () => {
  it('answers a refusal at the first row as a problem, with no file started', async () => {
    const { app } = appExporting('csv', () => rows(0, () => forbidden({ vi: 'Không được xem tỉnh này.', en: 'Not this province.' })));
    const response = await app.request('/export');
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Disposition')).toBeNull();
    expect((await readProblem(response)).detail).toBe('Không được xem tỉnh này.');
  });

  it.each(['csv', 'xlsx'] as const)('breaks a %s download that fails part-way, so the client never holds a short file that looks whole', async (format) => {
    // Enough rows that the failure comes after the answer (and its first bytes) went out.
    const { app, lines } = appExporting(format, () => rows(2000, () => new Error('the database went away')));
    const response = await app.request('/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Request-Id')).toBeTruthy();
    await expect(response.arrayBuffer()).rejects.toThrow();
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; requestId?: string; format?: string });
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'export failed part-way; the transfer was broken off', requestId: response.headers.get('X-Request-Id'), format }),
    );
  });
});
