import { MS_PER_DAY, VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { schema, searchPrefix, withTenant } from '@gov/db';
import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as v from 'valibot';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { heldRoles } from './step-actor.js';

const Day = v.pipe(v.string(), v.isoDate('ngày có dạng YYYY-MM-DD'));

export const ListInbox = v.object({
  procedureCode: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20))),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10))),
  receivedFrom: v.optional(Day),
  receivedTo: v.optional(Day),
  /** A dossier code prefix, or the start of the applicant's name with or without accents. */
  search: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
});
export type ListInbox = v.InferInput<typeof ListInbox>;

/** Near-due when less than a fifth of the step's time is left (the workflow flags 80% used). */
const NEAR_DUE_SHARE = 0.2;
/** Codes are upper-case ASCII: a plain range, leakproof like searchPrefix's. */
const codePrefix = (column: AnyPgColumn, term: string) =>
  sql`(${column} collate "C" >= ${term} collate "C" and ${column} collate "C" < (${term} || chr(1114111)) collate "C")`;
const vietnamMidnight = (day: string) => new Date(`${day}T00:00:00${VIETNAM_UTC_OFFSET}`);

/**
 * The officer's inbox (hồ sơ cần xử lý): open tasks waiting for a role they hold, at a unit in
 * the subtree of that assignment, soonest deadline first, with near-due and overdue flags.
 * Filters use indexed, leakproof comparisons (code and name prefixes as ranges) so the query
 * stays on the tenant's indexes under row-level security.
 *
 * The total rides on the page's own statement (`count(*) over ()`): the order spans tasks and
 * dossiers and the units are a subtree, so no index yields it and every matching task is read and
 * sorted anyway; the window only counts rows already there. A page past the end has no row to
 * carry it (tasks close while an officer pages), and only then is the total counted on its own.
 */
export async function listInbox({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListInbox }) {
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  const q = parseInput(ListInbox, input);
  const { tasks: t, dossiers: d, orgUnits: u, procedures: p } = schema;
  const held = heldRoles(ctx, tenantId);
  if (held.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const mine = or(...held.map((h) => and(eq(t.role, h.role), sql`${u.path} @> ${sql.param([h.orgUnitId])}::uuid[]`)));
    const filters: (SQL | undefined)[] = [
      eq(t.tenantId, tenantId),
      eq(t.status, 'open'),
      mine,
      abilityFilter(ctx.ability, 'read', 'Dossier', { tenantId: t.tenantId, orgUnitPath: u.path }),
      q.procedureCode ? eq(p.code, q.procedureCode) : undefined,
      q.status ? eq(d.nationalStatus, q.status) : undefined,
      q.receivedFrom ? gte(d.receivedAt, vietnamMidnight(q.receivedFrom)) : undefined,
      q.receivedTo ? lt(d.receivedAt, new Date(vietnamMidnight(q.receivedTo).getTime() + MS_PER_DAY)) : undefined,
      q.search ? or(codePrefix(d.code, q.search.toUpperCase()), searchPrefix(d.applicantNameSearch, q.search)) : undefined,
    ];
    const where = and(...filters);
    const onDossier = and(eq(d.tenantId, t.tenantId), eq(d.id, t.dossierId));
    const onUnit = and(eq(u.tenantId, t.tenantId), eq(u.id, t.orgUnitId));
    const onProcedure = eq(p.id, d.procedureId);
    const rows = await tx
      .select({
        taskId: t.id,
        stepKey: t.stepKey,
        role: t.role,
        orgUnitId: t.orgUnitId,
        unitName: u.name,
        assigneeUserId: t.assigneeUserId,
        stepDueAt: t.dueAt,
        taskCreatedAt: t.createdAt,
        dossierId: d.id,
        code: d.code,
        procedureCode: p.code,
        procedureName: p.name,
        applicantName: d.applicantName,
        channel: d.channel,
        nationalStatus: d.nationalStatus,
        localStatus: d.localStatus,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        overdueAt: d.overdueAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(t)
      .innerJoin(d, onDossier)
      .innerJoin(u, onUnit)
      .innerJoin(p, onProcedure)
      .where(where)
      .orderBy(sql`${t.dueAt} asc nulls last`, desc(d.receivedAt), asc(t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const countAlone = async () =>
      (await tx.select({ n: count() }).from(t).innerJoin(d, onDossier).innerJoin(u, onUnit).innerJoin(p, onProcedure).where(where))[0]?.n ?? 0;
    const total = rows[0]?.total ?? (q.page === 1 ? 0 : await countAlone());
    const now = Date.now();
    const items = rows.map(({ total: _total, ...row }) => {
      const due = row.stepDueAt?.getTime() ?? null;
      const overdue = due !== null && due < now;
      const nearDue = !overdue && due !== null && due - now <= (due - row.taskCreatedAt.getTime()) * NEAR_DUE_SHARE;
      return { ...row, overdue, nearDue, dossierOverdue: row.overdueAt !== null || (row.dueAt !== null && row.dueAt.getTime() < now) };
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}
