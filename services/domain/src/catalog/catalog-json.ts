import * as v from 'valibot';
import { duplicateCodeProblems, issuesToProblems, type ImportResult } from './import-report.js';
import { ProcedureRecord } from './procedure-record.js';

/**
 * Parses a JSON catalog file: an array of procedures, or `{ "procedures": [...] }` as exported.
 * Every item is checked, so the report lists all problems at once, not only the first.
 */
export function parseCatalogJson(text: string): ImportResult<ProcedureRecord> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { records: [], problems: [{ row: 0, field: '', problem: `tệp không phải JSON hợp lệ (${detail})`, problemEn: `not valid JSON (${detail})` }] };
  }
  const items: unknown = Array.isArray(data) ? data : (data as { procedures?: unknown } | null)?.procedures;
  if (!Array.isArray(items)) {
    return {
      records: [],
      problems: [{ row: 0, field: '', problem: 'tệp phải là một danh sách thủ tục', problemEn: 'the file must be an array of procedures' }],
    };
  }
  return validateCatalogItems((items as unknown[]).map((item, i) => ({ row: i + 1, item })));
}

/** Shared by the JSON and CSV readers once rows have become plain objects. */
export function validateCatalogItems(items: { row: number; item: unknown }[]): ImportResult<ProcedureRecord> {
  const result: ImportResult<ProcedureRecord> = { records: [], problems: [] };
  for (const { row, item } of items) {
    const parsed = v.safeParse(ProcedureRecord, item);
    if (parsed.success) result.records.push({ row, record: parsed.output });
    else result.problems.push(...issuesToProblems(row, parsed.issues));
  }
  const codes = items.map(({ row, item }) => ({ row, code: (item as { code?: unknown } | null)?.code }));
  result.problems.push(...duplicateCodeProblems(codes));
  if (items.length === 0) result.problems.push({ row: 0, field: '', problem: 'tệp không có thủ tục nào', problemEn: 'the file holds no procedure' });
  result.problems.sort((a, b) => a.row - b.row);
  return result;
}

/** Export in the shape `parseCatalogJson` reads back. */
export function catalogToJson(records: readonly ProcedureRecord[]): string {
  return `${JSON.stringify({ procedures: records }, null, 2)}\n`;
}
