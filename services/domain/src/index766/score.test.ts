import { describe, expect, it } from 'vitest';
import { NOTHING_MEASURED as NOTHING, scoreIndex766, type Index766Inputs } from './score.js';

// A province's quarter: 30 of 40 procedures published; 8 resolved, 7 in time, a quarter over the
// allotted time on average; 1 of 3 received digitised, no result resolved with a file count (0 of
// 0); 6 of 10 online, 3 of 4 under full-online procedures; two survey answers averaging 4.5.
const QUARTER: Index766Inputs = {
  ...NOTHING,
  proceduresPublished: { part: 30, whole: 40 },
  resolvedInTime: { part: 7, whole: 8 },
  timeUsed: { average: 1.25, count: 8 },
  digitisedDossiers: { part: 1, whole: 3 },
  digitisedResults: { part: 0, whole: 0 },
  onlineSubmission: { part: 6, whole: 10 },
  fullOnline: { part: 3, whole: 4 },
  surveyOverall: { average: 4.5, count: 2 },
};

const byComponent = (inputs: Index766Inputs) => Object.fromEntries(scoreIndex766(inputs).components.map((c) => [c.component, c]));

describe('scoreIndex766', () => {
  it('scores each measured criterion by its weight and leaves the others unmeasured', () => {
    const c = byComponent(QUARTER);
    expect(c.transparency!.criteria).toEqual([
      { criterion: 'proceduresPublished', max: 10, input: { part: 30, whole: 40 }, points: 7.5 },
      { criterion: 'portalSync', max: 8, input: null, points: null },
    ]);
    expect(c.timeliness!.criteria.map((x) => x.points)).toEqual([12.25, 4.5]);
    // 11 × 1/3 to two decimals; the results' 0 of 0 is no data, not a zero.
    expect(c.digitisation!.criteria.map((x) => x.points)).toEqual([3.67, null]);
    expect(c.onlineService!.criteria.map((x) => x.points)).toEqual([4.8, 6, null]);
    expect(c.satisfaction!.criteria.map((x) => x.points)).toEqual([10.5, null]);
  });

  it('adds up each component over its measured criteria and says out of how much', () => {
    const c = byComponent(QUARTER);
    expect(Object.values(c).map(({ component, max, measuredMax, points }) => ({ component, max, measuredMax, points }))).toEqual([
      { component: 'transparency', max: 18, measuredMax: 10, points: 7.5 },
      { component: 'timeliness', max: 20, measuredMax: 20, points: 16.75 },
      { component: 'digitisation', max: 22, measuredMax: 11, points: 3.67 },
      { component: 'onlineService', max: 22, measuredMax: 16, points: 10.8 },
      { component: 'satisfaction', max: 18, measuredMax: 12, points: 10.5 },
    ]);
  });

  it('gives the total out of the measurable points and scaled to 100', () => {
    const { points, measuredMax, normalised } = scoreIndex766(QUARTER);
    expect({ points, measuredMax, normalised }).toEqual({ points: 49.22, measuredMax: 69, normalised: 71.33 });
  });

  it('with no data at all measures nothing and invents no score', () => {
    const score = scoreIndex766(NOTHING);
    expect(score).toMatchObject({ points: 0, measuredMax: 0, normalised: null });
    expect(score.components.every((c) => c.points === null && c.measuredMax === 0)).toBe(true);
  });

  it('a component with every criterion measured is out of its full points, and the weights add up to 100', () => {
    const full = scoreIndex766({
      proceduresPublished: { part: 1, whole: 1 },
      portalSync: { part: 1, whole: 1 },
      resolvedInTime: { part: 1, whole: 1 },
      timeUsed: { average: 0.4, count: 1 },
      digitisedDossiers: { part: 1, whole: 1 },
      digitisedResults: { part: 1, whole: 1 },
      onlineSubmission: { part: 1, whole: 1 },
      fullOnline: { part: 1, whole: 1 },
      onlinePayment: { part: 1, whole: 1 },
      surveyOverall: { average: 5, count: 1 },
      feedbackOnTime: { part: 1, whole: 1 },
    });
    expect(full).toMatchObject({ points: 100, measuredMax: 100, normalised: 100 });
    expect(full.components.map((c) => c.points)).toEqual([18, 20, 22, 22, 18]);
  });

  it('takes time used linearly from full points at the allotted time to none at twice it, and the survey from 1 to 5', () => {
    const time = (average: number) => byComponent({ ...NOTHING, timeUsed: { average, count: 3 } }).timeliness!.points;
    expect([time(1), time(1.5), time(2), time(3)]).toEqual([6, 3, 0, 0]);
    const survey = (average: number) => byComponent({ ...NOTHING, surveyOverall: { average, count: 3 } }).satisfaction!.points;
    expect([survey(1), survey(3), survey(5)]).toEqual([0, 6, 12]);
    expect(byComponent({ ...NOTHING, surveyOverall: { average: 4, count: 0 } }).satisfaction!.points).toBeNull();
  });
});
