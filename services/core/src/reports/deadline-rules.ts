import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * When a dossier is late (quá hạn), as the reports count it: the same expressions for the report's
 * columns (dossier-counts.ts) and for the flag on the ministry's dossier list, so the list never
 * calls "Quá hạn" a dossier the report counts in time, or the reverse. They read the columns of
 * `dossiers`, or the same columns of `periodDossiers`.
 */
export interface DeadlineColumns {
  dueAt: SQLWrapper;
  overdueAt: SQLWrapper;
  finishedAt: SQLWrapper;
  closedAt: SQLWrapper;
}

/**
 * Vietnam's civil day of an instant: "on time" means on the due date, not by its hour. A fixed
 * UTC+7 as in report-period.ts; an interval, not a zone name, because PostgreSQL reads '+07' as
 * POSIX (west of Greenwich), and a zone name costs twice the time on 200,000 rows.
 */
const civilDay = (instant: SQLWrapper) => sql`(${instant} at time zone interval ${sql.raw(`'${VIETNAM_UTC_OFFSET}'`)})::date`;

/**
 * A result after the due date's civil day, or on a dossier ever marked overdue: an apology letter
 * moves the date shown to the applicant, but an overdue dossier stays overdue in every report
 * (docs/domain/statuses.md), and overdue_at is never cleared. True or false, never null (no due date).
 */
export const lateResult = (c: DeadlineColumns): SQL<boolean> =>
  sql<boolean>`(${c.overdueAt} is not null or coalesce(${civilDay(c.finishedAt)} > ${civilDay(c.dueAt)}, false))`;

/** A result on a civil day before the due date's, never marked overdue. Never null. */
export const earlyResult = (c: DeadlineColumns): SQL<boolean> =>
  sql<boolean>`(${c.overdueAt} is null and coalesce(${civilDay(c.finishedAt)} < ${civilDay(c.dueAt)}, false))`;

/**
 * An open dossier marked overdue, or due, before `asOf`. least() skips nulls: overdue if either
 * instant is before asOf, in time if there is neither. Never null.
 */
export const overdueWhileOpen = (c: DeadlineColumns, asOf: SQLWrapper): SQL<boolean> =>
  sql<boolean>`coalesce(least(${c.overdueAt}, ${c.dueAt}) < ${asOf}, false)`;

/**
 * Late as the dossier stood at `asOf`: with a result by then, the result was late; closed without
 * one (refused, withdrawn, stopped), overdue when it closed, since ending a dossier does not clear
 * its lateness (the reports' `endedOverdue`, docs/domain/report-rules.md); still open, overdue at
 * that instant.
 */
export const lateAsOf = (c: DeadlineColumns, asOf: SQLWrapper): SQL<boolean> => sql<boolean>`(case
  when ${c.finishedAt} < ${asOf} then ${lateResult(c)}
  when ${c.closedAt} < ${asOf} then ${overdueWhileOpen(c, c.closedAt)}
  else ${overdueWhileOpen(c, asOf)} end)`;
