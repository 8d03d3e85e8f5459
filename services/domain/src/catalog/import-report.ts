import type * as v from 'valibot';

/** One problem found in an import file (báo cáo kiểm tra dữ liệu): where, and what is wrong. */
export interface ImportProblem {
  /** JSON: 1-based item number; CSV: the spreadsheet line (the header is line 1). */
  row: number;
  /** Dotted path inside the record, e.g. `cases.0.components.1.copies`; `''` for the whole row. */
  field: string;
  /** Vietnamese first: the people fixing the file read Vietnamese. */
  problem: string;
  problemEn: string;
}

/** The result of parsing an import file; nothing may be written unless `problems` is empty. */
export interface ImportResult<T> {
  records: { row: number; record: T }[];
  problems: ImportProblem[];
}

const VI_BY_TYPE: Record<string, string> = {
  string: 'phải là chuỗi ký tự',
  number: 'phải là số',
  boolean: 'phải là true hoặc false',
  array: 'phải là danh sách',
  object: 'phải là một đối tượng',
};

/** Valibot issues → report lines. Our own messages are Vietnamese; built-in ones are English. */
export function issuesToProblems(row: number, issues: readonly v.BaseIssue<unknown>[], prefix = ''): ImportProblem[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    const field = [prefix, path].filter(Boolean).join('.');
    const missing = issue.received === 'undefined';
    const builtIn = issue.message.startsWith('Invalid ');
    const vi = missing ? 'bắt buộc, đang để trống' : builtIn ? (VI_BY_TYPE[issue.type] ?? `không hợp lệ (${issue.expected ?? issue.type})`) : issue.message;
    const en = missing ? 'required, missing' : `${issue.type}: expected ${issue.expected ?? 'a valid value'}, received ${issue.received}`;
    return { row, field, problem: vi, problemEn: en };
  });
}

/** Codes that appear more than once in one file: which version would win is ambiguous. */
export function duplicateCodeProblems(rows: { row: number; code: unknown }[]): ImportProblem[] {
  const firstRow = new Map<unknown, number>();
  const problems: ImportProblem[] = [];
  for (const { row, code } of rows) {
    if (typeof code !== 'string' || code === '') continue;
    const first = firstRow.get(code);
    if (first === undefined) firstRow.set(code, row);
    else problems.push({ row, field: 'code', problem: `mã ${code} trùng với dòng ${first}`, problemEn: `code ${code} duplicates row ${first}` });
  }
  return problems;
}
