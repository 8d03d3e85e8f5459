import { schema, withTenant } from '@gov/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListActiveProcedures = v.object({
  /** Part of the name (accents and case ignored) or the start of the national code. */
  search: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  /** Only procedures this unit receives (a commune's one-stop desk). */
  unitId: v.optional(v.pipe(v.string(), v.uuid('Mã đơn vị không hợp lệ'))),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 20),
});
export type ListActiveProcedures = v.InferInput<typeof ListActiveProcedures>;

/**
 * The procedures a province offers now (thủ tục đang tiếp nhận), for the public portal: the
 * catalog's latest version of each active setting. Public by design: procedure settings hold no
 * personal data, and only the catalog fields a citizen needs are returned (never the fee
 * account or unit lists). A province offers a few hundred procedures, so a substring match on
 * the normalised name is cheap and finds words anywhere in it ("khai sinh" in "Đăng ký khai sinh").
 */
export async function listActiveProcedures({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListActiveProcedures }) {
  assertCan(ctx, 'read', 'Procedure');
  const q = parseInput(ListActiveProcedures, input);
  const { procedureSettings: s, procedures: p } = schema;
  const isLatest = sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`;
  const term = q.search ? q.search : undefined;
  const where = and(
    eq(s.tenantId, tenantId), eq(s.active, true), isLatest,
    q.unitId ? sql`${q.unitId}::uuid = any(${s.receivingUnitIds})` : undefined,
    term ? sql`(strpos(${p.nameSearch}, gov_search_normalize(${term})) > 0 or ${p.code} like ${`${term.replace(/[%_\\]/g, '')}%`})` : undefined,
  );
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({ code: p.code, name: p.name, sector: p.sector, level: p.level, channels: p.channels, onlineServiceLevel: p.onlineServiceLevel, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(s)
      .innerJoin(p, eq(p.code, s.procedureCode))
      .where(where)
      .orderBy(asc(p.name), asc(p.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const items = rows.map(({ total: _total, ...row }) => row);
    return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}
