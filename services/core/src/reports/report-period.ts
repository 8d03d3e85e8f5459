import { MS_PER_DAY, VIETNAM_UTC_OFFSET, vietnamDate } from '@gov/calendar';
import { invalid } from '@gov/domain';
import * as v from 'valibot';

/** Vietnam keeps UTC+7 all year (no daylight saving), so a civil day is a fixed UTC window. */
const VN_OFFSET = VIETNAM_UTC_OFFSET;
const DAY_MS = MS_PER_DAY;
/** A year and a day: enough for a yearly report (Decision 766 scores), small enough to stay fast. */
const MAX_DAYS = 367;

const realDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A civil date, `YYYY-MM-DD`, that exists in the calendar (no 30 February). */
export const CivilDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày có dạng YYYY-MM-DD'), v.check(realDate, 'ngày không tồn tại'));

/**
 * The reporting period (kỳ báo cáo): from `from` to `to`, both inclusive, in Vietnam's civil days.
 * Either bound may be left out; the default is the current month so far.
 */
export const ReportPeriod = v.pipe(
  v.object({ from: v.optional(CivilDate), to: v.optional(CivilDate) }),
  v.forward(
    v.check((p) => !p.from || !p.to || p.from <= p.to, 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc'),
    ['to'],
  ),
);
export type ReportPeriod = v.InferInput<typeof ReportPeriod>;

export interface ResolvedPeriod {
  from: string;
  to: string;
  /** First instant of `from` in Vietnam. */
  start: Date;
  /** First instant of the day after `to` in Vietnam (exclusive). */
  end: Date;
  /**
   * When dossiers still in progress are judged overdue: the period's end, or now while the period
   * is still running. Judged at a future end, a dossier due later today would count as overdue
   * before it is.
   */
  asOf: Date;
}

/** Today's civil date in Vietnam. */
function vietnamToday(now: Date): string {
  return vietnamDate(now);
}

/**
 * The period's bounds as instants, filling a missing bound from the current month. The length is
 * checked here, once both bounds are known (`from` alone may reach back years).
 */
export function resolvePeriod(period: v.InferOutput<typeof ReportPeriod>, now = new Date()): ResolvedPeriod {
  const today = vietnamToday(now);
  const to = period.to ?? (period.from && period.from > today ? period.from : today);
  const from = period.from ?? `${to.slice(0, 8)}01`;
  const start = new Date(`${from}T00:00:00${VN_OFFSET}`);
  const end = new Date(Date.parse(`${to}T00:00:00${VN_OFFSET}`) + DAY_MS);
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) {
    const problem = `kỳ báo cáo tối đa ${MAX_DAYS} ngày`;
    throw invalid(
      { vi: `Kỳ báo cáo quá dài: tối đa ${MAX_DAYS} ngày.`, en: `The period is too long: at most ${MAX_DAYS} days.` },
      { fields: [{ path: 'from', problem }] },
    );
  }
  return { from, to, start, end, asOf: new Date(Math.min(end.getTime(), now.getTime())) };
}
