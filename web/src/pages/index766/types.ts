import type { api, Answer } from '../../api.js';

export type ProvinceIndex = Answer<typeof api.reports.index766.provinces.$get>;
export type UnitIndex = Answer<(typeof api.reports.index766.provinces)[':tenantId']['units']['$get']>;
export type IndexScore = ProvinceIndex['items'][number]['score'];
export type QuarterInfo = ProvinceIndex['quarter'];

/** One line of a ranking table: who, where their name links (if anywhere), their rank and score. */
export interface IndexLine {
  key: string;
  name: string;
  href?: string;
  linkLabel?: string;
  rank: number | null;
  score: IndexScore;
}
