import { INDEX_766_COMPONENTS, INDEX_766_CRITERIA } from '@gov/domain';
import * as v from 'valibot';

const Points = (description: string) => v.pipe(v.nullable(v.number()), v.description(description));
const Uuid = v.pipe(v.string(), v.uuid());

const Criterion = v.object({
  criterion: v.picklist(INDEX_766_CRITERIA),
  max: v.number(),
  input: v.pipe(
    v.nullable(v.union([v.object({ part: v.number(), whole: v.number() }), v.object({ average: v.number(), count: v.number() })])),
    v.description('What was measured: a share (part of whole) or an average over a count; null when the platform has no data'),
  ),
  points: Points('Points earned, to two decimals; null: not measured (chưa đo)'),
});

const Component = v.object({
  component: v.picklist(INDEX_766_COMPONENTS),
  max: v.pipe(v.number(), v.description('The component’s points in the decision')),
  measuredMax: v.pipe(v.number(), v.description('The points of its measured criteria: what `points` is out of')),
  points: Points('Null when none of its criteria was measured'),
  criteria: v.array(Criterion),
});

/** One line's score (docs/domain/feedback-and-reports.md#the-decision-766-index). */
export const Index766Score = v.object({
  components: v.array(Component),
  points: v.pipe(v.number(), v.description('Points earned on the measured criteria')),
  measuredMax: v.pipe(v.number(), v.description('Points that could be measured, at most 100')),
  normalised: Points('points / measuredMax × 100, to two decimals; null when nothing was measured'),
});

const Rank = v.pipe(v.nullable(v.number()), v.description('1 is best, by the normalised score; equal scores share a rank; null when nothing was measured'));

const QuarterInfo = v.object({
  quarter: v.pipe(v.string(), v.description('YYYY-Qn')),
  from: v.pipe(v.string(), v.description('First civil day, Vietnam time')),
  to: v.pipe(v.string(), v.description('Last civil day, inclusive')),
  closed: v.pipe(v.boolean(), v.description('The quarter is over in Vietnam: its figures are final')),
});

export const ProvinceIndex = v.object({
  quarter: QuarterInfo,
  items: v.pipe(
    v.array(v.object({ tenantId: Uuid, code: v.string(), name: v.string(), fullName: v.string(), rank: Rank, score: Index766Score })),
    v.description('Every province, best first'),
  ),
});
export type ProvinceIndex = v.InferOutput<typeof ProvinceIndex>;

export const UnitIndex = v.object({
  province: v.object({ id: Uuid, code: v.string(), name: v.string(), fullName: v.string() }),
  quarter: QuarterInfo,
  items: v.pipe(
    v.array(v.object({ orgUnitId: Uuid, code: v.string(), name: v.string(), rank: Rank, score: Index766Score })),
    v.description('Receiving units in the caller’s scope with activity in the quarter, best first'),
  ),
});
export type UnitIndex = v.InferOutput<typeof UnitIndex>;
