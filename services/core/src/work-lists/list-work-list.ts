import { buildCalendar, CalendarError, subtractWorkingDays, vietnamYear, workingMinutesBetween, type WorkingCalendar } from '@gov/calendar';
import { schema, withTenant, type TenantDb } from '@gov/db';
import { forbidden, invalid, notFound } from '@gov/domain';
import { and, asc, eq, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { loadCalendarSettings, toCalendarInput } from '../calendar/calendar-settings.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { overdueWhileOpen } from '../reports/deadline-rules.js';

const { dossiers: d, procedures: p, orgUnits: cu, tasks: t, tenantUsers: tu, tenants } = schema;

/** The three monitoring lists (giám sát hồ sơ): quá hạn, sắp đến hạn, tồn đọng. */
export const WORK_LISTS = ['overdue', 'near_due', 'stuck'] as const;
export type WorkListName = (typeof WORK_LISTS)[number];

const Id = (what: string) => v.pipe(v.string(), v.uuid(`${what} không hợp lệ`));

export const ListWorkList = v.object({
  /** The dossiers whose current unit is this unit or below it. */
  unitId: v.optional(Id('mã đơn vị')),
  procedureCode: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'mã thủ tục không được để trống'), v.maxLength(20, 'mã thủ tục quá dài'))),
  /** The officer assigned to the dossier's open step. */
  officerId: v.optional(Id('mã cán bộ')),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
});
export type ListWorkList = v.InferInput<typeof ListWorkList>;

/**
 * Waiting for the applicant, not for an officer: a supplement (5) or a fee (6) was requested.
 * Such a dossier is never "stuck", however long the applicant takes (docs/domain/work-lists.md).
 */
const WAITING_FOR_APPLICANT = [5, 6];

/**
 * The last action on a dossier: its latest event with a person behind it (an officer, or the
 * applicant submitting or supplementing). Deadline events (near_due, overdue…) have no actor and
 * do not count. A dossier nobody has acted on since it arrived counts from its receipt.
 */
const lastActionAt = sql<Date>`coalesce((select max(e.occurred_at) from dossier_events e
  where e.tenant_id = ${d.tenantId} and e.dossier_id = ${d.id} and e.actor_user_id is not null), ${d.receivedAt})`;

/**
 * Near-due as the dossier workflow flags it: a `near_due` event recorded since the latest
 * apology letter (a letter sets a new date, watched afresh), on a dossier not overdue.
 */
const nearDueFlagged = sql<boolean>`exists (select 1 from dossier_events e
  where e.tenant_id = ${d.tenantId} and e.dossier_id = ${d.id} and e.kind = 'near_due' and e.occurred_at >= coalesce((select max(a.occurred_at) from dossier_events a where a.tenant_id = ${d.tenantId} and a.dossier_id = ${d.id} and a.kind = 'apology_issued'), '-infinity'::timestamptz))`;

/** Since when an open dossier is overdue: marked by its workflow, or past its date. */
const overdueSince = sql<Date | null>`least(${d.overdueAt}, ${d.dueAt})`;

/**
 * One page of a monitoring list of the province, for its admins and leaders (whole province),
 * unit leaders and admins (their unit's subtree, by the dossier's current unit) and ministry
 * staff. Rights come from the `read Report` rules, as a SQL filter on top of row-level security.
 * `now` is a parameter so tests can stand on a chosen day; the API passes none.
 */
export async function listWorkList({
  ctx,
  tenantId,
  list,
  input,
  now = new Date(),
}: {
  ctx: ServiceContext;
  tenantId: string;
  list: WorkListName;
  input: ListWorkList;
  now?: Date;
}) {
  assertCanInTenant(ctx, 'read', 'Report', tenantId);
  const q = parseInput(ListWorkList, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [tenant] = await tx.select({ stuckAfterWorkingDays: tenants.stuckAfterWorkingDays }).from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
    if (q.unitId) await assertUnitInScope(ctx, tx, tenantId, q.unitId);
    const settings = await loadCalendarSettings(tx, tenantId);
    const calendarFor = (from: Date, to: Date) => buildCalendar(toCalendarInput(settings, vietnamYear(from), vietnamYear(to)));
    const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;
    let noActionSince: Date | null = null;
    let which: SQL;
    if (list === 'overdue') which = overdueWhileOpen(d, instant(now));
    else if (list === 'near_due') which = sql`not ${overdueWhileOpen(d, instant(now))} and ${nearDueFlagged}`;
    else {
      const year = vietnamYear(now);
      // 60 working days back never leave the previous year.
      noActionSince = subtractWorkingDays(buildCalendar(toCalendarInput(settings, year - 1, year + 1)), now, tenant.stuckAfterWorkingDays);
      which = and(notInArray(d.nationalStatus, WAITING_FOR_APPLICANT), sql`${lastActionAt} < ${instant(noActionSince)}`)!;
    }
    const order: Record<WorkListName, SQL[]> = {
      overdue: [sql`${overdueSince} asc`],
      near_due: [sql`${d.dueAt} asc nulls last`],
      stuck: [sql`${lastActionAt} asc`],
    };
    const openTask = tx
      .select({ assigneeUserId: t.assigneeUserId })
      .from(t)
      .where(and(eq(t.tenantId, d.tenantId), eq(t.dossierId, d.id), eq(t.status, 'open'), isNotNull(t.assigneeUserId)))
      .orderBy(sql`${t.createdAt} desc`)
      .limit(1)
      .as('open_task');
    const where = and(
      eq(d.tenantId, tenantId),
      isNull(d.closedAt),
      abilityFilter(ctx.ability, 'read', 'Report', { tenantId: d.tenantId, orgUnitPath: cu.path }),
      q.unitId ? sql`${cu.path} @> ${sql.param([q.unitId])}::uuid[]` : undefined,
      q.procedureCode ? eq(p.code, q.procedureCode) : undefined,
      q.officerId ? eq(openTask.assigneeUserId, q.officerId) : undefined,
      which,
    );
    const rows = await tx
      .select({
        dossierId: d.id,
        code: d.code,
        procedureCode: p.code,
        procedureName: p.name,
        nationalStatus: d.nationalStatus,
        currentUnitId: d.currentUnitId,
        currentUnitName: cu.name,
        officerId: openTask.assigneeUserId,
        officerName: tu.fullName,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        overdueSince: overdueSince.mapWith(d.dueAt),
        lastActionAt: lastActionAt.mapWith(d.receivedAt),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(d)
      .innerJoin(p, eq(p.id, d.procedureId))
      .innerJoin(cu, and(eq(cu.tenantId, d.tenantId), eq(cu.id, d.currentUnitId)))
      .leftJoinLateral(openTask, sql`true`)
      .leftJoin(tu, and(eq(tu.tenantId, d.tenantId), eq(tu.userId, openTask.assigneeUserId)))
      .where(where)
      .orderBy(...order[list], asc(d.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const countAlone = async () =>
      (
        await tx
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(d)
          .innerJoin(p, eq(p.id, d.procedureId))
          .innerJoin(cu, and(eq(cu.tenantId, d.tenantId), eq(cu.id, d.currentUnitId)))
          .leftJoinLateral(openTask, sql`true`)
          .where(where)
      )[0]?.n ?? 0;
    const total = rows[0]?.total ?? (q.page === 1 ? 0 : await countAlone());

    const instants = rows.flatMap((r) => [r.lastActionAt, ...(r.dueAt ? [r.dueAt] : []), ...(r.overdueSince ? [r.overdueSince] : [])]);
    const earliest = new Date(Math.min(now.getTime(), ...instants.map((i) => i.getTime())));
    const latest = new Date(Math.max(now.getTime(), ...instants.map((i) => i.getTime())));
    const calendar = safely(() => calendarFor(earliest, latest));
    const days = (from: Date | null, to: Date | null) => (calendar && from && to && from <= to ? workingDaysBetween(calendar, from, to) : null);
    const items = rows.map(({ total: _total, ...row }) => {
      const overdue = row.overdueSince !== null && row.overdueSince < now;
      return {
        ...row,
        workingDaysOverdue: overdue ? days(row.overdueSince, now) : null,
        workingDaysLeft: overdue ? null : days(now, row.dueAt),
        workingDaysSinceAction: days(row.lastActionAt, now),
      };
    });
    return { items, total, page: q.page, pageSize: q.pageSize, asOf: now, stuckAfterWorkingDays: tenant.stuckAfterWorkingDays, noActionSince };
  });
}

/**
 * A unit filter must name a unit of this province within the caller's scope: a unit leader asking
 * for a sibling unit is refused, not shown an empty list that looks like "nothing overdue there".
 */
export async function assertUnitInScope(ctx: ServiceContext, tx: TenantDb, tenantId: string, unitId: string) {
  const [unit] = await tx
    .select({ path: cu.path })
    .from(cu)
    .where(and(eq(cu.tenantId, tenantId), eq(cu.id, unitId)));
  if (!unit)
    throw invalid(
      { vi: 'Đơn vị đã chọn không thuộc tỉnh, thành phố này.', en: 'The chosen unit is not a unit of this province.' },
      { fields: [{ path: 'unitId', problem: 'không có' }] },
    );
  try {
    assertCan(ctx, 'read', 'Report', { tenantId, orgUnitPath: unit.path });
  } catch {
    throw forbidden({
      vi: 'Bạn chỉ được theo dõi hồ sơ của các đơn vị mình phụ trách.',
      en: 'You may only monitor the dossiers of the units in your charge.',
    });
  }
}

/** Working days between two instants, to a tenth, as the lists show them ("2,5 ngày làm việc"). */
function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const tenths = Math.floor(workingMinutesBetween(calendar, from, to) / (calendar.minutesPerWorkingDay / 10));
  return tenths / 10;
}

/** A date outside any calendar the platform can build leaves the day counts empty, not the list. */
function safely<T>(build: () => T): T | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof CalendarError) return null;
    throw error;
  }
}
