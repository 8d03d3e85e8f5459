export {
  INDEX_766_COMPONENTS,
  INDEX_766_CRITERIA,
  INDEX_766_WEIGHTS,
  INDEX_766_COMPONENT_NAMES,
  INDEX_766_CRITERION_NAMES,
  type Index766Component,
  type Index766Criterion,
} from './weights.js';
export {
  scoreIndex766,
  NOTHING_MEASURED,
  type Share,
  type Mean,
  type Index766Inputs,
  type Index766Score,
  type ComponentScore,
  type CriterionScore,
} from './score.js';
export { Quarter, quarterDays, quarterClosed, lastClosedQuarter, type QuarterDays } from './quarter.js';
