import type { DossierCounts } from '@gov/domain';
import { schema, type TenantDb } from '@gov/db';
import { and, eq, gte, isNull, lt, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { overdueWhileOpen } from './deadline-rules.js';
import { dueAtEnd } from './period-dossiers.js';
import type { ResolvedPeriod } from './report-period.js';
import { reportSpans, type ReportSpans } from './report-spans.js';

const d = schema.dossiers;
const c = schema.dossierCounts;
const pm = schema.dossierProvinceMonths;
const t = schema.tenants;

/** A bound as a timestamptz literal: raw `sql` parameters get no column encoder. */
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * The day rows of dossier_counts that make up the period beside its whole months (report-spans.ts):
 * one or two key ranges, each read on its own so it stays an index range (an `or` becomes a bitmap
 * scan). The first is always there, if empty.
 */
function dayRanges(s: ReportSpans): SQL[] {
  const days = (from: string, toInclusive: string) => and(eq(c.span, 'day'), gte(c.day, from), lte(c.day, toInclusive))!;
  if (!s.months) return [days(s.from, s.to)];
  return [and(eq(c.span, 'day'), gte(c.day, s.from), lt(c.day, s.months.from))!, and(eq(c.span, 'day'), gte(c.day, s.months.until), lte(c.day, s.to))!];
}

/** The days the months count beyond the period (ReportSpans.less), to take away. */
const lessRange = (less: { from: string; to: string }) => and(eq(c.span, 'day'), gte(c.day, less.from), lte(c.day, less.to))!;

/**
 * The rows a period's report adds up, per province, receiving unit, procedure and hand-over
 * (docs/reports/speed.md): the period's facts from dossier_counts (received; closed with a result,
 * early, on time or late; closed without one, overdue or not), and one row per dossier still open
 * at the period's end, read from dossiers with the due date as it stood then
 * (docs/domain/report-rules.md) and judged overdue at `asOf`. Every dossier to handle in the period
 * closed in it or is open at its end, so the carried-over count follows (countsOf). Without
 * `tenantId` (every province) the whole months come from dossier_province_months, whose rows carry
 * no unit or procedure (null): group such rows by province only.
 */
export function periodCounts(tx: TenantDb, { period, tenantId }: { period: ResolvedPeriod; tenantId?: string }) {
  const zero = (name: string) => sql<number>`0`.as(name);
  // `less`: the rows counted negative, taken away from the months that hold them.
  const facts = (range: SQL, less = false) => {
    const count = (column: SQLWrapper, name: string) => (less ? sql<number>`-${column}` : sql<number>`${column}`).as(name);
    return tx
      .select({
        tenantId: c.tenantId,
        unitId: c.unitId,
        procedureId: c.procedureId,
        handedIn: c.handedIn,
        receivedOnline: count(c.receivedOnline, 'received_online'),
        receivedOther: count(c.receivedOther, 'received_other'),
        resolvedEarly: count(c.resolvedEarly, 'resolved_early'),
        resolvedOnTime: count(c.resolvedOnTime, 'resolved_on_time'),
        resolvedLate: count(c.resolvedLate, 'resolved_late'),
        endedWithoutResult: count(c.endedWithoutResult, 'ended_without_result'),
        endedOverdue: count(c.endedOverdue, 'ended_overdue'),
        open: zero('open'),
        openOverdue: zero('open_overdue'),
      })
      .from(c)
      .where(and(tenantId === undefined ? undefined : eq(c.tenantId, tenantId), range));
  };
  const monthRange = (months: { from: string; until: string }) => and(eq(c.span, 'month'), gte(c.day, months.from), lt(c.day, months.until))!;
  // Across every province, whole months from the province rollup (migration 0066): the same facts,
  // a row per province, month and stripe instead of per unit, procedure and month. Its rows name no
  // unit or procedure: the national report groups by province alone.
  const provinceMonths = (months: { from: string; until: string }) =>
    tx
      .select({
        tenantId: pm.tenantId,
        unitId: sql<string>`null::uuid`.as('unit_id'),
        procedureId: sql<string>`null::uuid`.as('procedure_id'),
        handedIn: pm.handedIn,
        receivedOnline: pm.receivedOnline,
        receivedOther: pm.receivedOther,
        resolvedEarly: pm.resolvedEarly,
        resolvedOnTime: pm.resolvedOnTime,
        resolvedLate: pm.resolvedLate,
        endedWithoutResult: pm.endedWithoutResult,
        endedOverdue: pm.endedOverdue,
        open: zero('open'),
        openOverdue: zero('open_overdue'),
      })
      .from(pm)
      .where(and(gte(pm.month, months.from), lt(pm.month, months.until)));
  const history = dueAtEnd(tx, { end: period.end, ...(tenantId === undefined ? {} : { tenantId }) });
  const dueAt = sql`case when ${history.changed.dossierId} is null then ${d.dueAt} else ${history.then.dueAt} end`;
  const overdue = overdueWhileOpen({ dueAt, overdueAt: d.overdueAt, finishedAt: d.finishedAt, closedAt: d.closedAt }, at(period.asOf));
  // Open at the end: still open, or closed after it. Two index ranges of dossiers_closed_idx, each
  // read from the index alone (an `or` would make it a bitmap scan of heap pages). Across every
  // province the tenant list bounds each range, one province after another.
  const open = (closedAfterEnd: boolean) =>
    tx
      .select({
        tenantId: d.tenantId,
        unitId: d.receivingUnitId,
        procedureId: d.procedureId,
        handedIn: sql<boolean>`${d.handedOverFrom} is not null`.as('handed_in'),
        receivedOnline: zero('received_online'),
        receivedOther: zero('received_other'),
        resolvedEarly: zero('resolved_early'),
        resolvedOnTime: zero('resolved_on_time'),
        resolvedLate: zero('resolved_late'),
        endedWithoutResult: zero('ended_without_result'),
        endedOverdue: zero('ended_overdue'),
        open: sql<number>`1`.as('open'),
        openOverdue: sql<number>`${overdue}::int`.as('open_overdue'),
      })
      .from(d)
      .leftJoin(history.changed, and(eq(history.changed.tenantId, d.tenantId), eq(history.changed.dossierId, d.id)))
      .leftJoin(history.then, and(eq(history.then.tenantId, d.tenantId), eq(history.then.dossierId, d.id)))
      .where(
        and(
          tenantId === undefined ? sql`${d.tenantId} = any(array(select ${t.id} from ${t}))` : eq(d.tenantId, tenantId),
          closedAfterEnd ? gte(d.closedAt, period.end) : isNull(d.closedAt),
          lt(d.receivedAt, period.end),
        ),
      );
  const spans = reportSpans(period, period.asOf < period.end);
  // A dossier_counts branch first: the union's columns take its names.
  const [first, ...more] = dayRanges(spans);
  let rows = facts(first!).unionAll(open(false)).unionAll(open(true));
  for (const range of more) rows = rows.unionAll(facts(range));
  if (spans.months) rows = rows.unionAll(tenantId === undefined ? provinceMonths(spans.months) : facts(monthRange(spans.months)));
  if (spans.less) rows = rows.unionAll(facts(lessRange(spans.less), true));
  return rows.as('period_counts');
}

export type PeriodCounts = ReturnType<typeof periodCounts>;

/** What a group of periodCounts rows adds up to; countsOf turns it into the report's columns. */
export interface PeriodSums {
  receivedOnline: number;
  receivedOther: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  endedWithoutResult: number;
  endedOverdue: number;
  open: number;
  openOverdue: number;
  /** Of the dossiers to handle, the province's copies of dossiers handed over from another. */
  handedInToHandle: number;
}

/**
 * The select list that sums a group of periodCounts rows (null on an outer-joined side: zero), and
 * `toHandle`, for ordering and for leaving out groups with nothing to handle.
 */
export function periodSums(p: PeriodCounts): { [K in keyof PeriodSums]: SQL<number> } & { toHandle: SQL<number> } {
  const sum = (value: SQLWrapper) => sql<number>`coalesce(sum(${value}), 0)::int`;
  const toHandle = sql`${p.resolvedEarly} + ${p.resolvedOnTime} + ${p.resolvedLate} + ${p.endedWithoutResult} + ${p.open}`;
  return {
    receivedOnline: sum(p.receivedOnline),
    receivedOther: sum(p.receivedOther),
    resolvedEarly: sum(p.resolvedEarly),
    resolvedOnTime: sum(p.resolvedOnTime),
    resolvedLate: sum(p.resolvedLate),
    endedWithoutResult: sum(p.endedWithoutResult),
    endedOverdue: sum(p.endedOverdue),
    open: sum(p.open),
    openOverdue: sum(p.openOverdue),
    handedInToHandle: sum(sql`case when ${p.handedIn} then ${toHandle} else 0 end`),
    toHandle: sum(toHandle),
  };
}

/**
 * The report's columns from a group's sums (dossier-counts.ts defines them over the dossiers).
 * A dossier to handle in the period (carried over or received) either closed in it, with a result
 * or without, or is still in progress at its end; so what was carried over is what was handled
 * less what was received.
 */
export function countsOf(s: PeriodSums): DossierCounts {
  const received = s.receivedOnline + s.receivedOther;
  const resolved = s.resolvedEarly + s.resolvedOnTime + s.resolvedLate;
  const toHandle = resolved + s.endedWithoutResult + s.open;
  return {
    toHandle,
    carriedOver: toHandle - received,
    received,
    receivedOnline: s.receivedOnline,
    receivedInPersonOrPost: s.receivedOther,
    resolved,
    resolvedEarly: s.resolvedEarly,
    resolvedOnTime: s.resolvedOnTime,
    resolvedLate: s.resolvedLate,
    inProgressAtEnd: s.open,
    inProgressInTime: s.open - s.openOverdue,
    inProgressOverdue: s.openOverdue,
    endedWithoutResult: s.endedWithoutResult,
    endedOverdue: s.endedOverdue,
    forOtherProvince: s.handedInToHandle,
  };
}
