import { schema, withMinistryRead, withTenant, type TenantDb } from '@gov/db';
import { notFound, scoreIndex766 } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { isNationalReader } from '../reports/assert-national-read.js';
import { measureIndex766 } from './measure-index.js';
import { Index766Query, quarterAnswer, quarterPeriod } from './quarter-period.js';
import { rankByIndex } from './rank.js';

const { tenants: t, orgUnits: u } = schema;

/**
 * Chỉ số phục vụ (Decision 766) of one province's receiving units for a quarter, ranked: for the
 * ministry, the province's admins and leaders (every unit), and a unit's leader or admin (the units
 * of their subtree, a SQL filter from the same rules as the reports, beside row-level security).
 * Only units with activity in the quarter are listed.
 */
export async function index766ProvinceUnits({
  ctx,
  tenantId,
  input,
  now = new Date(),
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: Index766Query;
  now?: Date;
}) {
  const national = isNationalReader(ctx);
  if (!national) assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const period = quarterPeriod(parseInput(Index766Query, input).quarter, now);
  const read = async (tx: TenantDb) => {
    const [province] = await tx.select({ id: t.id, code: t.code, name: t.name, fullName: t.fullName }).from(t).where(eq(t.id, tenantId));
    if (!province) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố này.', en: 'No such province.' });
    const unitFilter = abilityFilter(ctx.ability, 'read', 'Report', { tenantId: u.tenantId, orgUnitPath: u.path });
    const { keys, inputs } = await measureIndex766(tx, { start: period.start, end: period.end, tenantId, byUnit: true, unitFilter });
    const units =
      keys.size === 0
        ? []
        : await tx
            .select({ orgUnitId: u.id, code: u.code, name: u.name })
            .from(u)
            .where(and(eq(u.tenantId, tenantId), inArray(u.id, [...keys])));
    const items = rankByIndex(units.map((unit) => ({ ...unit, score: scoreIndex766(inputs(unit.orgUnitId)) })));
    return { province, quarter: quarterAnswer(period), items };
  };
  // As the unit report: ministry staff through gov_ministry (recorded for the province), the
  // province's own readers within their tenant.
  return national ? withMinistryRead(ctx.sql, read) : withTenant(ctx.sql, tenantId, read);
}
