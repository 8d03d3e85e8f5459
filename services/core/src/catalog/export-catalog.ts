import { catalogToJson, ProcedureRecord } from '@gov/domain';
import { schema } from '@gov/db';
import { asc, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { rowToRecord, withoutIdentity } from './procedure-row.js';
import { writeCatalogCsv } from './read-catalog-file.js';

export const ExportCatalog = v.object({ format: v.picklist(['csv', 'json']) });
export type ExportCatalog = v.InferOutput<typeof ExportCatalog>;

/** The latest version of every entry, in the format the importer reads back unchanged. */
export async function exportCatalog({ ctx, input }: { ctx: ServiceContext; input: ExportCatalog }) {
  assertCan(ctx, 'read', 'Procedure');
  const { format } = parseInput(ExportCatalog, input);
  const p = schema.procedures;
  const rows = await ctx.db
    .select()
    .from(p)
    .where(sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`)
    .orderBy(asc(p.code));
  // Export the catalog content only: ids and versions are this database's, not the file's.
  // Rows written before the catalog schema (or by hand) may not validate; they are listed, not
  // exported, so the file always imports back.
  const records: ProcedureRecord[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const parsed = v.safeParse(ProcedureRecord, withoutIdentity(rowToRecord(row)));
    if (parsed.success) records.push(parsed.output);
    else skipped.push(row.code);
  }
  return format === 'csv'
    ? { contentType: 'text/csv; charset=utf-8', body: writeCatalogCsv(records), skipped }
    : { contentType: 'application/json; charset=utf-8', body: catalogToJson(records), skipped };
}
