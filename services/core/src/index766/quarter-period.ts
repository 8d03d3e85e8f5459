import { VIETNAM_UTC_OFFSET, vietnamDate } from '@gov/calendar';
import { Quarter, quarterClosed, quarterDays } from '@gov/domain';
import * as v from 'valibot';

/** The index's query: one quarter, `YYYY-Qn`. */
export const Index766Query = v.object({ quarter: Quarter });
export type Index766Query = v.InferInput<typeof Index766Query>;

export interface QuarterPeriod {
  quarter: string;
  from: string;
  to: string;
  /** First instant of the quarter in Vietnam. */
  start: Date;
  /** First instant after it (exclusive). */
  end: Date;
  /** The quarter is over in Vietnam's calendar: its figures no longer move with new dossiers. */
  closed: boolean;
}

/** A quarter's bounds as instants, Vietnam time (UTC+7 all year, as the reports' periods). */
export function quarterPeriod(quarter: Quarter, now: Date): QuarterPeriod {
  const { from, to, next } = quarterDays(quarter);
  return {
    quarter,
    from,
    to,
    start: new Date(`${from}T00:00:00${VIETNAM_UTC_OFFSET}`),
    end: new Date(`${next}T00:00:00${VIETNAM_UTC_OFFSET}`),
    closed: quarterClosed(quarter, vietnamDate(now)),
  };
}

/** The quarter as an answer states it. */
export const quarterAnswer = (period: QuarterPeriod) => ({ quarter: period.quarter, from: period.from, to: period.to, closed: period.closed });
