import { schema, withMinistryRead, withTenant, type TenantDb } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant, can } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { isNationalReader } from './assert-national-read.js';
import { dossierCounts, sumCounts } from './dossier-counts.js';
import { periodDossiers } from './period-dossiers.js';
import { ReportPeriod, resolvePeriod } from './report-period.js';

/**
 * One province's report by receiving unit (đơn vị tiếp nhận): the ministry's drill-down, and the
 * province's own dashboard. Whoever holds `read Report` in the province sees the units of their
 * scope: its admins and province-level leaders every unit, a unit's leader or admin the units of
 * their subtree (a SQL filter from the same rules, beside row-level security). The totals add up
 * the lines shown, so they are the caller's scope, never more.
 * Only units with dossiers to handle in the period are listed: a province has hundreds of units.
 */
export async function reportProvinceUnits({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ReportPeriod }) {
  const national = isNationalReader(ctx);
  if (!national) assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const { tenants: t, orgUnits: u } = schema;
  const read = async (tx: TenantDb) => {
    const [province] = await tx.select({ id: t.id, code: t.code, name: t.name, fullName: t.fullName }).from(t).where(eq(t.id, tenantId));
    if (!province) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố này.', en: 'No such province.' });
    const p = periodDossiers(tx, { period, tenantId });
    const counts = dossierCounts(p, period);
    const items = await tx
      .select({ orgUnitId: u.id, code: u.code, name: u.name, ...counts })
      .from(p)
      .innerJoin(u, and(eq(u.tenantId, p.tenantId), eq(u.id, p.receivingUnitId)))
      .where(abilityFilter(ctx.ability, 'read', 'Report', { tenantId: u.tenantId, orgUnitPath: u.path }))
      // periodDossiers holds only dossiers to handle in the period (carried over or received), so
      // a unit whose dossiers all closed before it is not listed.
      .groupBy(u.id, u.code, u.name)
      .orderBy(desc(counts.toHandle), asc(u.name));
    // Whose line the totals are: the province's when its root unit is in the caller's scope, else
    // the units the caller leads (a unit leader's export must not call it the province's).
    const [root] = await tx
      .select({ path: u.path })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), isNull(u.parentId)));
    const whole = national || can(ctx, 'read', 'Report', { tenantId, orgUnitPath: root?.path ?? [] });
    const scope: 'province' | 'units' = whole ? 'province' : 'units';
    return { province, scope, period: { from: period.from, to: period.to }, items, totals: sumCounts(items) };
  };
  // Ministry staff read through gov_ministry (read only, recorded for the province); a province's
  // own readers within their tenant.
  return national ? withMinistryRead(ctx.sql, read) : withTenant(ctx.sql, tenantId, read);
}
