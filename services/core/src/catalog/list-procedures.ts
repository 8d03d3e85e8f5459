import { schema, searchPrefix } from '@gov/db';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListProcedures = v.object({
  /** Start of the name, accents and case ignored ("cap ban sao" finds "Cấp bản sao…"). */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  level: v.optional(v.picklist(['ministry', 'province', 'commune'])),
  sector: v.optional(v.pipe(v.string(), v.maxLength(200))),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 50),
});
export type ListProcedures = v.InferInput<typeof ListProcedures>;

/** The latest version of each catalog entry, by code, one page at a time, with the total. */
export async function listProcedures({ ctx, input }: { ctx: ServiceContext; input: ListProcedures }) {
  assertCan(ctx, 'read', 'Procedure');
  const { q, level, sector, page, pageSize } = parseInput(ListProcedures, input);
  const p = schema.procedures;
  // Latest version per code: the newest row with no newer sibling (uses the (code, version) key).
  const isLatest = sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`;
  const where = and(isLatest, q ? searchPrefix(p.nameSearch, q) : undefined, level ? eq(p.level, level) : undefined, sector ? eq(p.sector, sector) : undefined);
  const rows = await ctx.db
    .select({
      total: sql<number>`count(*) over ()`.mapWith(Number),
      id: p.id,
      code: p.code,
      version: p.version,
      name: p.name,
      sector: p.sector,
      level: p.level,
      channels: p.channels,
      onlineServiceLevel: p.onlineServiceLevel,
      interAgency: p.interAgency,
      jurisdictionFree: p.jurisdictionFree,
      retentionYears: p.retentionYears,
    })
    .from(p)
    .where(where)
    .orderBy(asc(p.code), desc(p.version))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0]?.total ?? (page === 1 ? 0 : await countProcedures(ctx, where));
  return { items: rows.map(({ total: _total, ...item }) => item), total, page, pageSize };
}

/** The total when the page asked for lies past the end (no row to carry the window count). */
async function countProcedures(ctx: ServiceContext, where: SQL | undefined): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(schema.procedures)
    .where(where);
  return row?.n ?? 0;
}
