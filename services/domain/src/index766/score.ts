import { INDEX_766_COMPONENTS, INDEX_766_WEIGHTS, type Index766Component, type Index766Criterion } from './weights.js';

/** Part of a whole, e.g. dossiers resolved in time among those resolved. A whole of 0 is not measured. */
export interface Share {
  part: number;
  whole: number;
}

/** An average over `count` observations; a count of 0 is not measured. */
export interface Mean {
  average: number;
  count: number;
}

/**
 * What was measured for one province or unit over a quarter. Null means the platform has no data
 * for the criterion (a feature that does not exist yet, or nothing happened that it counts): the
 * criterion is then not measured, never scored as zero or as full.
 */
export interface Index766Inputs {
  /** Procedures the province publishes (activated) among the catalog's procedures of its levels. */
  proceduresPublished: Share | null;
  /** Dossiers synced to the national portal among those received. */
  portalSync: Share | null;
  /** Resolved early or on time among those resolved. */
  resolvedInTime: Share | null;
  /** Share of the allotted time a resolved dossier took, on average (1 = all of it, 1.5 = half as long again). */
  timeUsed: Mean | null;
  /** Received dossiers with their papers on file as electronic copies. */
  digitisedDossiers: Share | null;
  /** Resolved dossiers whose result is on file electronically. */
  digitisedResults: Share | null;
  /** Received online among received. */
  onlineSubmission: Share | null;
  /** Received online among those received under full-online procedures. */
  fullOnline: Share | null;
  /** Paid online among payments recorded as paid. */
  onlinePayment: Share | null;
  /** The survey's overall criterion, 1 to 5. */
  surveyOverall: Mean | null;
  /** Feedback answered by its due time among feedback due in the quarter. */
  feedbackOnTime: Share | null;
}

/** Every criterion not measured: where a measurement starts before it fills in what it has. */
export const NOTHING_MEASURED: Index766Inputs = {
  proceduresPublished: null,
  portalSync: null,
  resolvedInTime: null,
  timeUsed: null,
  digitisedDossiers: null,
  digitisedResults: null,
  onlineSubmission: null,
  fullOnline: null,
  onlinePayment: null,
  surveyOverall: null,
  feedbackOnTime: null,
};

export interface CriterionScore {
  criterion: Index766Criterion;
  max: number;
  /** What was measured, as given (null: no data). */
  input: Share | Mean | null;
  /** Null: not measured (chưa đo). */
  points: number | null;
}

export interface ComponentScore {
  component: Index766Component;
  max: number;
  /** The points of the criteria that were measured: what `points` is out of. */
  measuredMax: number;
  /** Null when none of its criteria was measured. */
  points: number | null;
  criteria: CriterionScore[];
}

export interface Index766Score {
  components: ComponentScore[];
  /** Points earned on the measured criteria. */
  points: number;
  /** The points that could be measured, at most 100. */
  measuredMax: number;
  /** `points` scaled to 100 over what was measured; null when nothing was. */
  normalised: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** The fraction of its points a criterion earns, or null when not measured. */
function fraction(criterion: Index766Criterion, inputs: Index766Inputs): number | null {
  const input = inputs[criterion];
  if (input === null) return null;
  if ('whole' in input) return input.whole > 0 ? clamp01(input.part / input.whole) : null;
  if (input.count <= 0) return null;
  // Full points while dossiers take no longer than allotted on average, none at twice as long.
  if (criterion === 'timeUsed') return clamp01(2 - input.average);
  // 1 (very dissatisfied) earns nothing, 5 (very satisfied) everything, linearly between.
  return clamp01((input.average - 1) / 4);
}

/**
 * Scores one province or unit on the Decision 766 index: each measured criterion earns its
 * points times its fraction (to two decimals), a component adds up its measured criteria, and the
 * total says how many of the 100 points could be measured at all, so two provinces are compared on
 * `normalised` rather than on raw points.
 */
export function scoreIndex766(inputs: Index766Inputs): Index766Score {
  const components = INDEX_766_COMPONENTS.map((component): ComponentScore => {
    const { max, criteria: weights } = INDEX_766_WEIGHTS[component];
    const criteria = (Object.entries(weights) as [Index766Criterion, number][]).map(([criterion, weight]): CriterionScore => {
      const f = fraction(criterion, inputs);
      return { criterion, max: weight, input: inputs[criterion], points: f === null ? null : round2(weight * f) };
    });
    const measured = criteria.filter((c) => c.points !== null);
    return {
      component,
      max,
      measuredMax: measured.reduce((sum, c) => sum + c.max, 0),
      points: measured.length === 0 ? null : round2(measured.reduce((sum, c) => sum + c.points!, 0)),
      criteria,
    };
  });
  const points = round2(components.reduce((sum, c) => sum + (c.points ?? 0), 0));
  const measuredMax = components.reduce((sum, c) => sum + c.measuredMax, 0);
  return { components, points, measuredMax, normalised: measuredMax === 0 ? null : round2((points / measuredMax) * 100) };
}
