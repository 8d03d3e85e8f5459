import { schema, withMinistryRead, withTenant, type TenantDb } from '@gov/db';
import { forbidden, notFound } from '@gov/domain';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as v from 'valibot';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant, can } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { isNationalReader } from './assert-national-read.js';
import { CivilDate, resolvePeriod, type ResolvedPeriod } from './report-period.js';

/** A province report's period, and optionally one unit whose subtree it is narrowed to. */
export const ProvinceReportInput = v.pipe(
  v.object({ from: v.optional(CivilDate), to: v.optional(CivilDate), unitId: v.optional(v.pipe(v.string(), v.uuid('mã đơn vị không hợp lệ'))) }),
  v.forward(
    v.check((p) => !p.from || !p.to || p.from <= p.to, 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc'),
    ['to'],
  ),
);
export type ProvinceReportInput = v.InferInput<typeof ProvinceReportInput>;

export interface ProvinceReportScope {
  province: { id: string; code: string; name: string; fullName: string };
  /** The whole province, or only the units in the caller's charge (or the one unit asked for). */
  scope: 'province' | 'units';
  unit: { id: string; code: string; name: string } | null;
  period: ResolvedPeriod;
  /** The rows of units (their `path` column) the caller may read and asked for. */
  inScope: (unitPath: AnyPgColumn) => SQL;
}

/**
 * One home for who reads which part of a province's report (docs/domain/feedback-and-reports.md):
 * ministry staff any province, read through gov_ministry (the middleware records the read); a
 * province's admins and root leaders the whole province; a unit's leader or admin their subtree.
 * `unitId` narrows to one unit's subtree, which must be within the caller's scope (403 otherwise,
 * 404 for a unit the province does not have). Runs `read` in the one transaction it opens.
 */
export async function readProvinceReport<T>(
  { ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput },
  read: (tx: TenantDb, scope: ProvinceReportScope) => Promise<T>,
): Promise<T> {
  const national = isNationalReader(ctx);
  if (!national) assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const { unitId, ...dates } = parseInput(ProvinceReportInput, input);
  const period = resolvePeriod(dates);
  const { tenants: t, orgUnits: u } = schema;
  const run = async (tx: TenantDb) => {
    const [province] = await tx.select({ id: t.id, code: t.code, name: t.name, fullName: t.fullName }).from(t).where(eq(t.id, tenantId));
    if (!province) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố này.', en: 'No such province.' });
    const readable = (path: string[]) => national || can(ctx, 'read', 'Report', { tenantId, orgUnitPath: path });
    let unit: ProvinceReportScope['unit'] = null;
    if (unitId) {
      const [found] = await tx
        .select({ id: u.id, code: u.code, name: u.name, path: u.path })
        .from(u)
        .where(and(eq(u.tenantId, tenantId), eq(u.id, unitId)));
      if (!found) throw notFound({ vi: 'Không tìm thấy đơn vị này trong tỉnh.', en: 'No such unit in this province.' });
      if (!readable(found.path)) {
        throw forbidden({ vi: 'Đơn vị này không thuộc phạm vi báo cáo của bạn.', en: 'This unit is outside the reports you may read.' });
      }
      unit = { id: found.id, code: found.code, name: found.name };
    }
    const [root] = await tx
      .select({ path: u.path })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), isNull(u.parentId)));
    const whole = !unit && readable(root?.path ?? []);
    const inScope = (unitPath: AnyPgColumn) =>
      and(
        abilityFilter(ctx.ability, 'read', 'Report', { tenantId: u.tenantId, orgUnitPath: unitPath }),
        unit ? sql`${unitPath} @> ${sql.param([unit.id])}::uuid[]` : undefined,
      )!;
    return read(tx, { province, scope: whole ? 'province' : 'units', unit, period, inScope });
  };
  return national ? withMinistryRead(ctx.sql, run) : withTenant(ctx.sql, tenantId, run);
}
