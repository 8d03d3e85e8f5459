import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { conflict, invalid, issuesToProblems, type ImportProblem } from '@gov/domain';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { auditMany } from '../audit.js';
import { assertCanInTenant, can } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { headerKey, matchColumns, readCsvTable } from '../csv/read-csv-table.js';
import { parseInput } from '../parse-input.js';
import { CreateOrgUnit, OrgUnitCode } from './create-org-unit.js';
import { atUnit } from './load-unit.js';

export const ImportOrgUnits = v.object({
  content: v.pipe(v.string(), v.maxLength(5_000_000, 'tệp quá lớn (tối đa 5 MB)')),
  dryRun: v.optional(v.boolean(), false),
});
export type ImportOrgUnits = v.InferInput<typeof ImportOrgUnits>;

const MAX_UNITS = 5_000;

/** Each column as a spreadsheet may head it (Vietnamese first), compared by `headerKey`. */
const COLUMNS = {
  code: ['Mã đơn vị', 'code'],
  name: ['Tên đơn vị', 'name'],
  kind: ['Loại đơn vị', 'kind'],
  parentCode: ['Mã đơn vị cấp trên', 'parentCode'],
} as const;

/** The kinds by their key or their Vietnamese name, as the console shows them. */
const KINDS: Record<string, CreateOrgUnit['kind']> = Object.fromEntries(
  (
    [
      ['department', 'Sở, ban, ngành'],
      ['office', 'Phòng, bộ phận'],
      ['service_centre', 'Trung tâm phục vụ hành chính công'],
      ['commune_one_stop', 'Bộ phận một cửa cấp xã'],
      ['school', 'Trường học'],
      ['other', 'Khác'],
    ] as const
  ).flatMap(([kind, name]) => [
    [headerKey(kind), kind],
    [headerKey(name), kind],
  ]),
);

const Row = v.object({
  code: OrgUnitCode,
  name: CreateOrgUnit.entries.name,
  kind: v.pipe(
    v.string(),
    v.check((s) => headerKey(s) in KINDS, 'Loại đơn vị không hợp lệ (ví dụ: Phòng, bộ phận; Bộ phận một cửa cấp xã)'),
    v.transform((s) => KINDS[headerKey(s)]!),
  ),
  parentCode: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.minLength(1, 'Nhập mã đơn vị cấp trên')),
});
type Row = v.InferOutput<typeof Row>;

/**
 * Nhập cơ cấu tổ chức từ tệp CSV: each row a unit under a parent that exists or comes earlier in
 * the file. All rows are checked first (a 400 with the whole report, nothing written); then every
 * unit and its audit record is written in one transaction, parents first.
 */
export async function importOrgUnits({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ImportOrgUnits }) {
  assertCanInTenant(ctx, 'create', 'OrgUnit', tenantId);
  const { content, dryRun } = parseInput(ImportOrgUnits, input);
  const problem = (row: number, field: string, vi: string, en: string): ImportProblem => ({ row, field, problem: vi, problemEn: en });
  const refuse = (problems: ImportProblem[]) =>
    invalid(
      { vi: `Tệp có ${problems.length} lỗi; chưa có đơn vị nào được tạo.`, en: `The file has ${problems.length} problem(s); no unit was created.` },
      { report: problems },
    );
  const table = readCsvTable(content);
  if (!table.ok) throw refuse([table.problem]);
  const { problems, fieldsOf, heading } = matchColumns(table.header, COLUMNS);
  if (problems.length === 0 && table.rows.length === 0) problems.push(problem(2, '', 'tệp không có dòng đơn vị nào', 'the file has no unit rows'));
  if (table.rows.length > MAX_UNITS) problems.push(problem(1, '', `tối đa ${MAX_UNITS} đơn vị mỗi tệp`, `at most ${MAX_UNITS} units per file`));
  if (problems.length > 0) throw refuse(problems);

  return withTenant(ctx.sql, tenantId, async (tx) => {
    const u = schema.orgUnits;
    const existing = await tx.select({ id: u.id, code: u.code, path: u.path, active: u.active }).from(u).where(eq(u.tenantId, tenantId));
    const byCode = new Map(existing.map((unit) => [unit.code.toUpperCase(), unit]));
    const planned: { line: number; id: string; parentId: string; path: string[]; data: Row }[] = [];
    for (const { line, cells } of table.rows) {
      const parsed = v.safeParse(Row, fieldsOf(cells));
      if (!parsed.success) {
        problems.push(...issuesToProblems(line, parsed.issues).map((p) => ({ ...p, field: heading(p.field) })));
        continue;
      }
      const data = parsed.output;
      const parent = byCode.get(data.parentCode);
      if (byCode.has(data.code))
        problems.push(problem(line, heading('code'), `mã đơn vị ${data.code} đã có trong tỉnh hoặc ở dòng trước`, `unit code ${data.code} already exists`));
      else if (!parent) {
        problems.push(
          problem(
            line,
            heading('parentCode'),
            `không có đơn vị cấp trên mã ${data.parentCode} (trong tỉnh hoặc ở các dòng trước)`,
            `no parent unit ${data.parentCode}`,
          ),
        );
      } else if (!parent.active)
        problems.push(
          problem(line, heading('parentCode'), `đơn vị cấp trên ${data.parentCode} đã ngừng hoạt động`, `parent unit ${data.parentCode} is inactive`),
        );
      else {
        const id = randomUUID();
        const path = [...parent.path, id];
        if (!can(ctx, 'create', 'OrgUnit', atUnit(tenantId, path))) {
          problems.push(
            problem(line, heading('parentCode'), `bạn không có quyền tạo đơn vị dưới ${data.parentCode}`, `you may not create units under ${data.parentCode}`),
          );
        } else {
          planned.push({ line, id, parentId: parent.id, path, data });
          // Later rows may hang under this one.
          byCode.set(data.code, { id, code: data.code, path, active: true });
        }
      }
    }
    if (problems.length > 0) throw refuse(problems.sort((a, b) => a.row - b.row));
    if (dryRun) return { dryRun: true, checked: planned.length, created: 0 };
    const created = await tx
      .insert(u)
      .values(planned.map((p) => ({ tenantId, id: p.id, parentId: p.parentId, path: p.path, code: p.data.code, name: p.data.name, kind: p.data.kind })))
      .onConflictDoNothing()
      .returning({ id: u.id });
    if (created.length < planned.length) {
      throw conflict({
        vi: 'Một mã đơn vị vừa được dùng; chưa có đơn vị nào được tạo. Hãy kiểm tra lại tệp.',
        en: 'A unit code was just taken; no unit was created. Check the file again.',
      });
    }
    await auditMany(
      tx,
      ctx,
      planned.map((p) => ({
        tenantId,
        action: 'org_unit.created',
        subjectType: 'org_unit',
        subjectId: p.id,
        details: { code: p.data.code, name: p.data.name, parentId: p.parentId, importedFromFile: true },
      })),
    );
    return { dryRun: false, checked: planned.length, created: planned.length };
  });
}
