import { invalid } from '@gov/domain';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { insertVersionIfChanged } from './publish-procedure.js';
import { readCatalogFile } from './read-catalog-file.js';

export const ImportCatalog = v.object({
  format: v.picklist(['csv', 'json']),
  content: v.pipe(v.string(), v.maxLength(20_000_000, 'tệp quá lớn (tối đa 20 MB)')),
  dryRun: v.optional(v.boolean(), false),
});
export type ImportCatalog = v.InferInput<typeof ImportCatalog>;

/**
 * Imports catalog entries from the national procedure database or a ministry file. All or
 * nothing: any problem in the file → a 400 carrying the whole report `{ row, field, problem }[]`
 * and no write at all; otherwise every changed entry becomes a new version in one transaction,
 * and unchanged ones are skipped so importing the same file twice is harmless.
 */
export async function importCatalog({ ctx, input }: { ctx: ServiceContext; input: ImportCatalog }) {
  assertCan(ctx, 'create', 'Procedure');
  const { format, content, dryRun } = parseInput(ImportCatalog, input);
  const { records, problems } = readCatalogFile(format, content);
  if (problems.length > 0) {
    throw invalid(
      { vi: `Tệp có ${problems.length} lỗi; chưa có dữ liệu nào được ghi.`, en: `The file has ${problems.length} problem(s); nothing was written.` },
      { report: problems },
    );
  }
  if (dryRun) return { dryRun: true, checked: records.length, created: [], unchanged: [] };
  return ctx.db.transaction(async (tx) => {
    const created: { code: string; version: number }[] = [];
    const unchanged: string[] = [];
    for (const { record } of records) {
      const result = await insertVersionIfChanged(tx, ctx, record);
      if (result.created) created.push({ code: record.code, version: result.version.version });
      else unchanged.push(record.code);
    }
    return { dryRun: false, checked: records.length, created, unchanged };
  });
}
