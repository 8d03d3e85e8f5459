import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid());
const Instant = (description: string) => v.pipe(v.string(), v.description(description));
const Days = (description: string) => v.nullable(v.pipe(v.number(), v.description(description)));

/** One dossier of a monitoring list: enough to recognise it and open it on the officer's dossier page. */
export const WorkListItem = v.object({
  dossierId: Uuid,
  code: v.string(),
  procedureCode: v.string(),
  procedureName: v.string(),
  nationalStatus: v.pipe(v.number(), v.integer(), v.description('National status code, 1–10')),
  currentUnitId: Uuid,
  currentUnitName: v.string(),
  officerId: v.nullable(Uuid),
  officerName: v.pipe(v.nullable(v.string()), v.description('The officer assigned to the open step, if any')),
  receivedAt: Instant('When the dossier was received'),
  dueAt: v.nullable(Instant('The date promised to the applicant (an apology letter’s new date once there is one)')),
  overdueSince: v.nullable(Instant('The earlier of when it was marked overdue and its due date')),
  lastActionAt: Instant('The latest event with a person behind it; its receipt when nobody has acted'),
  workingDaysOverdue: Days('Working days since it became overdue, to a tenth; null when not overdue'),
  workingDaysLeft: Days('Working days until its due date, to a tenth; null when overdue or without a date'),
  workingDaysSinceAction: Days('Working days since the last action, to a tenth'),
});

export const WorkListPage = v.object({
  items: v.array(WorkListItem),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  page: v.number(),
  pageSize: v.number(),
  asOf: Instant('The instant the list was judged at'),
  stuckAfterWorkingDays: v.pipe(v.number(), v.integer(), v.description('The province’s threshold for stuck dossiers')),
  noActionSince: v.nullable(Instant('Stuck list only: dossiers with no action since before this instant')),
});
export type WorkListPage = v.InferOutput<typeof WorkListPage>;
