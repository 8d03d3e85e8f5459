import {
  INDEX_766_COMPONENT_NAMES,
  INDEX_766_COMPONENTS,
  INDEX_766_CRITERION_NAMES,
  INDEX_766_WEIGHTS,
  type Index766Component,
  type Index766Criterion,
  type Index766Score,
} from '@gov/domain';
import type { Cell, ExportColumn } from '../export/index.js';

/** One exported line: who, the quarter, the rank and the score. */
export interface IndexLine {
  code: string;
  name: string;
  quarter: string;
  rank: number | null;
  score: Index766Score;
}

/** A criterion or component without data says so in words: an empty cell could be read as zero. */
const NOT_MEASURED = 'Chưa đo';
const points = (value: number | null): Cell => value ?? NOT_MEASURED;

const componentOf = (line: IndexLine, component: Index766Component) => line.score.components.find((c) => c.component === component)!;

/** Per component its points, then each of its criteria's, every header stating the points it is out of. */
const SCORE_COLUMNS: ExportColumn<IndexLine>[] = INDEX_766_COMPONENTS.flatMap((component) => {
  const { max, criteria } = INDEX_766_WEIGHTS[component];
  const name = INDEX_766_COMPONENT_NAMES[component];
  return [
    { key: component, vi: `${name.vi} (${max})`, en: `${name.en} (${max})`, value: (line: IndexLine) => points(componentOf(line, component).points) },
    ...Object.entries(criteria).map(([criterion, weight]) => {
      const c = INDEX_766_CRITERION_NAMES[criterion as Index766Criterion];
      return {
        key: criterion,
        vi: `${name.vi}: ${c.vi} (${weight})`,
        en: `${name.en}: ${c.en} (${weight})`,
        value: (line: IndexLine) => points(componentOf(line, component).criteria.find((x) => x.criterion === criterion)!.points),
      };
    }),
  ];
});

const columns = (codeHeader: { vi: string; en: string }, nameHeader: { vi: string; en: string }): ExportColumn<IndexLine>[] => [
  { key: 'rank', vi: 'Hạng', en: 'Rank', value: (line) => line.rank },
  { key: 'code', ...codeHeader, value: (line) => line.code },
  { key: 'name', ...nameHeader, value: (line) => line.name },
  { key: 'quarter', vi: 'Quý', en: 'Quarter', value: (line) => line.quarter },
  { key: 'normalised', vi: 'Điểm quy đổi (/100)', en: 'Score (/100)', value: (line) => points(line.score.normalised) },
  { key: 'points', vi: 'Điểm đạt', en: 'Points', value: (line) => line.score.points },
  { key: 'measuredMax', vi: 'Điểm tối đa đo được', en: 'Measurable points', value: (line) => line.score.measuredMax },
  ...SCORE_COLUMNS,
];

export const PROVINCE_INDEX_COLUMNS = columns({ vi: 'Mã tỉnh', en: 'Province code' }, { vi: 'Tỉnh, thành phố', en: 'Province' });
export const UNIT_INDEX_COLUMNS = columns({ vi: 'Mã đơn vị', en: 'Unit code' }, { vi: 'Đơn vị tiếp nhận', en: 'Receiving unit' });
