import { schema, withTenant, type TenantDb } from '@gov/db';
import { conflict, invalid, issuesToProblems, type ImportProblem } from '@gov/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { officerContact } from '../accounts/find-account.js';
import { issueInvitations } from '../accounts/issue-code.js';
import type { AccountKeys } from '../accounts/keys.js';
import { assertCanInTenant, can } from '../authorize.js';
import { auditMany } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { matchColumns, readCsvTable } from '../csv/read-csv-table.js';
import { atUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { CreateOfficer } from './create-officer.js';

export const ImportOfficers = v.object({
  content: v.pipe(v.string(), v.maxLength(20_000_000, 'tệp quá lớn (tối đa 20 MB)')),
  dryRun: v.optional(v.boolean(), false),
});
export type ImportOfficers = v.InferInput<typeof ImportOfficers>;

/** More rows than this are refused whole: split the file (one transaction must stay short). */
export const MAX_IMPORT_ROWS = 20_000;
/** Rows per INSERT statement: large enough to be fast, small enough for PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

/** Each column as a province admin's spreadsheet may head it (Vietnamese first), compared by `headerKey`. */
const COLUMNS = {
  fullName: ['Họ và tên', 'Họ tên', 'fullName'],
  login: ['Tên đăng nhập', 'login'],
  citizenId: ['Số CCCD', 'CCCD', 'citizenId'],
  phone: ['Điện thoại di động', 'Điện thoại', 'Số điện thoại', 'phone'],
  email: ['Email công vụ', 'Email', 'email'],
  position: ['Chức vụ', 'position'],
  unitCode: ['Mã đơn vị', 'unitCode'],
} as const;

const Row = v.object({
  ...v.omit(CreateOfficer, ['orgUnitId']).entries,
  // Compared without case: a spreadsheet may change it, and a code names one unit either way.
  unitCode: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.minLength(1, 'Nhập mã đơn vị')),
});
type Row = v.InferOutput<typeof Row>;

/**
 * Nhập cán bộ từ tệp CSV (province admin, or a unit admin for their subtree): checks every row
 * first and, if any is wrong, answers a 400 carrying the whole report `{ row, field, problem }[]`
 * with nothing written. Otherwise every officer is created in one transaction with its
 * invitation (through the outbox, as for one officer) and its audit record, or none is.
 */
export async function importOfficers({ ctx, tenantId, keys, input }: { ctx: ServiceContext; tenantId: string; keys: AccountKeys; input: ImportOfficers }) {
  assertCanInTenant(ctx, 'create', 'User', tenantId);
  const { content, dryRun } = parseInput(ImportOfficers, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const { rows, problems, units } = await checkFile(tx, ctx, tenantId, content);
    if (problems.length > 0) {
      throw invalid(
        { vi: `Tệp có ${problems.length} lỗi; chưa có cán bộ nào được tạo.`, en: `The file has ${problems.length} problem(s); no officer was created.` },
        { report: problems },
      );
    }
    if (dryRun) return { dryRun: true, checked: rows.length, created: 0 };
    for (let i = 0; i < rows.length; i += CHUNK) await createChunk(tx, ctx, tenantId, keys, rows.slice(i, i + CHUNK), units);
    return { dryRun: false, checked: rows.length, created: rows.length };
  });
}

type Units = Map<string, { id: string; path: string[]; active: boolean }>;

async function checkFile(tx: TenantDb, ctx: ServiceContext, tenantId: string, content: string) {
  const problem = (row: number, field: string, vi: string, en: string): ImportProblem => ({ row, field, problem: vi, problemEn: en });
  const table = readCsvTable(content);
  if (!table.ok) return { rows: [], problems: [table.problem], units: new Map() as Units };
  const { problems, fieldsOf, heading } = matchColumns(table.header, COLUMNS);
  if (problems.length > 0) return { rows: [], problems, units: new Map() as Units };
  if (table.rows.length === 0)
    return { rows: [], problems: [problem(2, '', 'tệp không có dòng cán bộ nào', 'the file has no officer rows')], units: new Map() as Units };
  if (table.rows.length > MAX_IMPORT_ROWS) {
    const vi = `tệp có ${table.rows.length} dòng, tối đa ${MAX_IMPORT_ROWS}: hãy chia thành nhiều tệp`;
    return { rows: [], problems: [problem(1, '', vi, `${table.rows.length} rows, at most ${MAX_IMPORT_ROWS}: split the file`)], units: new Map() as Units };
  }

  const rows: { line: number; data: Row }[] = [];
  for (const { line, cells } of table.rows) {
    const parsed = v.safeParse(Row, fieldsOf(cells));
    if (parsed.success) rows.push({ line, data: parsed.output });
    else problems.push(...issuesToProblems(line, parsed.issues).map((p) => ({ ...p, field: heading(p.field) })));
  }

  const units = await unitsByCode(tx, tenantId, [...new Set(rows.map((r) => r.data.unitCode))]);
  const taken = await takenLogins(
    tx,
    rows.map((r) => r.data.login),
  );
  const seenLogin = new Map<string, number>();
  const seenCitizenId = new Map<string, number>();
  for (const { line, data } of rows) {
    const unit = units.get(data.unitCode);
    if (!unit) problems.push(problem(line, heading('unitCode'), `không có đơn vị mã ${data.unitCode} trong tỉnh`, `no unit ${data.unitCode} in the province`));
    else if (!unit.active) problems.push(problem(line, heading('unitCode'), `đơn vị ${data.unitCode} đã ngừng hoạt động`, `unit ${data.unitCode} is inactive`));
    else if (!can(ctx, 'create', 'User', atUnit(tenantId, unit.path))) {
      problems.push(
        problem(line, heading('unitCode'), `bạn không có quyền tạo cán bộ tại đơn vị ${data.unitCode}`, `you may not create officers at unit ${data.unitCode}`),
      );
    }
    const earlier = seenLogin.get(data.login);
    if (earlier) problems.push(problem(line, heading('login'), `trùng tên đăng nhập với dòng ${earlier}`, `same login as line ${earlier}`));
    else if (taken.has(data.login))
      problems.push(problem(line, heading('login'), `tên đăng nhập ${data.login} đã tồn tại`, `the login ${data.login} is taken`));
    seenLogin.set(data.login, seenLogin.get(data.login) ?? line);
    const sameCitizen = seenCitizenId.get(data.citizenId);
    // The number itself is never echoed: the report may be forwarded or kept.
    if (sameCitizen) problems.push(problem(line, heading('citizenId'), `trùng số CCCD với dòng ${sameCitizen}`, `same citizen ID as line ${sameCitizen}`));
    seenCitizenId.set(data.citizenId, seenCitizenId.get(data.citizenId) ?? line);
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows: rows.map((r) => r.data), problems, units };
}

async function unitsByCode(tx: TenantDb, tenantId: string, codes: string[]): Promise<Units> {
  const u = schema.orgUnits;
  const found =
    codes.length === 0
      ? []
      : await tx
          .select({ id: u.id, code: u.code, path: u.path, active: u.active })
          .from(u)
          .where(and(eq(u.tenantId, tenantId), inArray(sql`upper(${u.code})`, codes)));
  return new Map(found.map((unit) => [unit.code.toUpperCase(), unit]));
}

/** Logins already in use anywhere (a login names one person across the platform). */
async function takenLogins(tx: TenantDb, logins: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < logins.length; i += CHUNK) {
    const rows = await tx
      .select({ login: schema.users.login })
      .from(schema.users)
      .where(inArray(schema.users.login, logins.slice(i, i + CHUNK)));
    for (const r of rows) taken.add(r.login);
  }
  return taken;
}

/** One chunk of officers: their identities, profiles, invitations and audit records, a statement each. */
async function createChunk(tx: TenantDb, ctx: ServiceContext, tenantId: string, keys: AccountKeys, rows: Row[], units: Units) {
  const created = await tx
    .insert(schema.users)
    .values(
      rows.map((r) => ({
        login: r.login,
        passwordHash: null,
        kind: 'officer' as const,
        homeTenantId: tenantId,
        displayName: r.fullName,
        passwordChangedAt: null,
        passwordChangeRequired: false,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: schema.users.id, login: schema.users.login });
  // Taken between the check and now (someone else created it): nothing of the file is kept.
  if (created.length < rows.length) {
    const got = new Set(created.map((c) => c.login));
    const lost = rows.filter((r) => !got.has(r.login)).map((r) => r.login);
    throw conflict({
      vi: `Tên đăng nhập vừa được dùng: ${lost.join(', ')}. Chưa có cán bộ nào được tạo.`,
      en: `Logins just taken: ${lost.join(', ')}. No officer was created.`,
    });
  }
  const idOf = new Map(created.map((c) => [c.login, c.id]));
  const officers = rows.map((r) => ({ row: r, userId: idOf.get(r.login)!, orgUnitId: units.get(r.unitCode)!.id }));
  await tx.insert(schema.tenantUsers).values(
    officers.map(({ row, userId, orgUnitId }) => ({
      tenantId,
      userId,
      orgUnitId,
      fullName: row.fullName,
      citizenId: row.citizenId,
      position: row.position,
      phone: row.phone,
      email: row.email,
    })),
  );
  await issueInvitations(
    tx,
    keys,
    officers.map(({ row, userId }) => ({ userId, contact: officerContact(row)! })),
  );
  await auditMany(
    tx,
    ctx,
    officers.map(({ row, userId, orgUnitId }) => ({
      tenantId,
      action: 'user.created',
      subjectType: 'user',
      subjectId: userId,
      details: { login: row.login, orgUnitId, invitationSentBy: officerContact(row)!.channel, importedFromFile: true },
    })),
  );
}
