import { schema, withTenant } from '@gov/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListActiveProcedures = v.object({
  /** Words of the name or field in any order, accents and case ignored, or the start of the national code. */
  search: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  /** Only procedures this unit receives (a commune's one-stop desk). */
  unitId: v.optional(v.pipe(v.string(), v.uuid('Mã đơn vị không hợp lệ'))),
  /** Only this field (lĩnh vực), as listed by the province's sectors. */
  sector: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  /** Only procedures of this administrative level (cấp thực hiện). */
  level: v.optional(v.picklist(['ministry', 'province', 'commune'])),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 20),
});
export type ListActiveProcedures = v.InferInput<typeof ListActiveProcedures>;

/**
 * The procedures a province offers now (thủ tục đang tiếp nhận), for the public portal: the
 * catalog's latest version of each active setting. Public by design: procedure settings hold no
 * personal data, and only the catalog fields a citizen needs are returned (never the fee
 * account or unit lists).
 *
 * Search works as citizens type on a portal: without accents and in any word order, so
 * "ho tich khai sinh" finds "Đăng ký khai sinh" in the field "Hộ tịch". Every word must occur in
 * the name or the field (a province offers a few thousand procedures at most, so this scan is
 * cheap); matches are ranked by trigram word similarity of the whole query to the name, so the
 * closest names come first.
 */
export async function listActiveProcedures({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListActiveProcedures }) {
  assertCan(ctx, 'read', 'Procedure');
  const q = parseInput(ListActiveProcedures, input);
  const { procedureSettings: s, procedures: p } = schema;
  const isLatest = sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`;
  const term = q.search || undefined;
  const haystack = sql`(${p.nameSearch} || ' ' || gov_search_normalize(${p.sector}))`;
  const everyWord = sql`not exists (select 1 from unnest(string_to_array(gov_search_normalize(${term ?? ''}), ' ')) as word where strpos(${haystack}, word) = 0)`;
  const codePrefix = sql`${p.code} like ${`${(term ?? '').replace(/[%_\\]/g, '')}%`}`;
  const byRank = term ? [desc(sql`word_similarity(gov_search_normalize(${term}), ${p.nameSearch})`)] : [];
  const where = and(
    eq(s.tenantId, tenantId),
    eq(s.active, true),
    isLatest,
    q.unitId ? sql`${q.unitId}::uuid = any(${s.receivingUnitIds})` : undefined,
    q.sector ? eq(p.sector, q.sector) : undefined,
    q.level ? eq(p.level, q.level) : undefined,
    term ? sql`(${everyWord} or ${codePrefix})` : undefined,
  );
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({
        code: p.code,
        name: p.name,
        sector: p.sector,
        level: p.level,
        channels: p.channels,
        onlineServiceLevel: p.onlineServiceLevel,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(s)
      .innerJoin(p, eq(p.code, s.procedureCode))
      .where(where)
      .orderBy(...byRank, asc(p.name), asc(p.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const items = rows.map(({ total: _total, ...row }) => row);
    return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}
