import { schema, type Queryable } from '@gov/db';
import { notFound, type ProcedureRecord, type RetentionYears } from '@gov/domain';
import { and, desc, eq } from 'drizzle-orm';

export type ProcedureRow = typeof schema.procedures.$inferSelect;

/** A stored version as a catalog record plus its identity (the version row a dossier points at). */
export interface ProcedureVersion extends ProcedureRecord {
  id: string;
  version: number;
  createdAt: Date;
}

/** The jsonb columns hold what `ProcedureRecord` validated on the way in. */
export function rowToRecord(row: ProcedureRow): ProcedureVersion {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    code: row.code,
    name: row.name,
    sector: row.sector,
    level: row.level,
    channels: row.channels,
    cases: row.cases as ProcedureRecord['cases'],
    processingTime: row.processingTime as ProcedureRecord['processingTime'],
    applicants: row.applicants ?? undefined,
    handlingAgency: row.handlingAgency ?? undefined,
    result: row.result ?? undefined,
    fees: row.fees as ProcedureRecord['fees'],
    forms: row.forms as ProcedureRecord['forms'],
    conditions: row.conditions ?? undefined,
    legalBasis: row.legalBasis ?? undefined,
    onlineServiceLevel: row.onlineServiceLevel,
    interAgency: row.interAgency,
    jurisdictionFree: row.jurisdictionFree,
    resultDigitallySigned: row.resultDigitallySigned,
    feePaidOnline: row.feePaidOnline,
    ...(row.retentionYears === null ? {} : { retentionYears: row.retentionYears as RetentionYears }),
  };
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so plain stringify differs. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The content that defines a version, in a stable form, to tell a real change from a re-import. */
export function contentKey(record: ProcedureRecord): string {
  return canonical(withoutIdentity(record));
}

/** The catalog content of a stored version: ids and version numbers are this database's. */
export function withoutIdentity(record: ProcedureRecord | ProcedureVersion): ProcedureRecord {
  const copy: Partial<ProcedureVersion> & ProcedureRecord = { ...record };
  delete copy.id;
  delete copy.version;
  delete copy.createdAt;
  return copy;
}

/** The latest version of a code, or a given one; 404 when the catalog has no such procedure. */
export async function loadProcedure(db: Queryable, code: string, version?: number): Promise<ProcedureRow> {
  const p = schema.procedures;
  const [row] = await db
    .select()
    .from(p)
    .where(version === undefined ? eq(p.code, code) : and(eq(p.code, code), eq(p.version, version)))
    .orderBy(desc(p.version))
    .limit(1);
  if (!row) {
    throw notFound({
      vi: `Không tìm thấy thủ tục ${code}${version ? ` phiên bản ${version}` : ''} trong danh mục.`,
      en: `Procedure ${code}${version ? ` version ${version}` : ''} is not in the catalog.`,
    });
  }
  return row;
}
