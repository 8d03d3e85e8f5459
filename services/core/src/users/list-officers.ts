import { subject as tag } from '@casl/ability';
import { schema, searchPrefix, withTenant } from '@gov/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { maskCitizenId, maskPhone } from './officer-fields.js';

export const ListOfficers = v.object({
  search: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 50),
});

/**
 * Officers the actor may see. Citizen ID and phone are shown in full only to whoever may edit
 * those fields of that officer (CASL field rules: a province admin; a unit admin sees phones of
 * its subtree but never a citizen ID); everyone else gets them masked.
 */
export async function listOfficers({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: v.InferInput<typeof ListOfficers> }) {
  assertCanInTenant(ctx, 'read', 'User', tenantId);
  const { search, page, pageSize } = parseInput(ListOfficers, input);
  const { tenantUsers: t, orgUnits: u, users } = schema;
  const rows = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({
        total: sql<number>`count(*) over ()`.mapWith(Number),
        userId: t.userId,
        login: users.login,
        fullName: t.fullName,
        citizenId: t.citizenId,
        position: t.position,
        phone: t.phone,
        email: t.email,
        active: t.active,
        revision: t.revision,
        orgUnitId: t.orgUnitId,
        orgUnitName: u.name,
        path: u.path,
      })
      .from(t)
      .innerJoin(users, eq(users.id, t.userId))
      .leftJoin(u, and(eq(u.tenantId, t.tenantId), eq(u.id, t.orgUnitId)))
      .where(
        and(
          eq(t.tenantId, tenantId),
          abilityFilter(ctx.ability, 'read', 'User', { tenantId: t.tenantId, orgUnitPath: u.path }),
          search ? searchPrefix(t.fullNameSearch, search) : undefined,
        ),
      )
      .orderBy(asc(t.fullName))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  const items = rows.map(({ path, total: _total, ...row }) => {
    const fields: Record<string, unknown> = { tenantId, orgUnitPath: path ?? [] };
    const subject = tag('User', fields);
    return {
      ...row,
      citizenId: ctx.ability.can('update', subject, 'citizenId') ? row.citizenId : maskCitizenId(row.citizenId),
      phone: ctx.ability.can('update', subject, 'phone') ? row.phone : maskPhone(row.phone),
    };
  });
  // The count rides on every row (one query); a page past the end has none to carry it.
  return { items, total: rows[0]?.total ?? 0, page, pageSize };
}
