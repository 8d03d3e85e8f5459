import { schema, searchPrefix } from '@gov/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListProcedures = v.object({
  /** Start of the name, accents and case ignored ("cap ban sao" finds "Cấp bản sao…"). */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  level: v.optional(v.picklist(['ministry', 'province', 'commune'])),
  sector: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
});
export type ListProcedures = v.InferInput<typeof ListProcedures>;

/** The latest version of each catalog entry, by code, one page at a time. */
export async function listProcedures({ ctx, input }: { ctx: ServiceContext; input: ListProcedures }) {
  assertCan(ctx, 'read', 'Procedure');
  const { q, level, sector, limit, offset } = parseInput(ListProcedures, input);
  const p = schema.procedures;
  // Latest version per code: the newest row with no newer sibling (uses the (code, version) key).
  const isLatest = sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`;
  const where = and(isLatest, q ? searchPrefix(p.nameSearch, q) : undefined, level ? eq(p.level, level) : undefined, sector ? eq(p.sector, sector) : undefined);
  const items = await ctx.db
    .select({ id: p.id, code: p.code, version: p.version, name: p.name, sector: p.sector, level: p.level, channels: p.channels, onlineServiceLevel: p.onlineServiceLevel, interAgency: p.interAgency, jurisdictionFree: p.jurisdictionFree })
    .from(p)
    .where(where)
    .orderBy(asc(p.code), desc(p.version))
    .limit(limit)
    .offset(offset);
  return { items, limit, offset };
}
