import {
  INDEX_766_COMPONENT_NAMES,
  INDEX_766_COMPONENTS,
  INDEX_766_CRITERION_NAMES,
  INDEX_766_WEIGHTS,
  type Index766Component,
  type Index766Criterion,
} from '@gov/domain';
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatNumber } from '../../i18n/format.js';
import { pick, t } from '../../i18n/index.js';
import type { IndexLine, IndexScore } from './types.js';
import './index766.css';

const componentName = (c: Index766Component) => pick(INDEX_766_COMPONENT_NAMES[c]);
const criterionName = (c: Index766Criterion) => pick(INDEX_766_CRITERION_NAMES[c]);

/** Points, or "chưa đo" for a criterion or component without data: never a made-up 0. */
function Points(props: { points: number | null; of?: number }) {
  return (
    <Show
      when={props.points !== null}
      fallback={
        <span class="muted" data-not-measured="">
          {t('index766NotMeasured')}
        </span>
      }
    >
      {formatNumber(props.points!, 2)}
      <Show when={props.of !== undefined}>
        <span class="muted"> / {formatNumber(props.of!, 2)}</span>
      </Show>
    </Show>
  );
}

interface Column {
  key: string;
  header: string;
  cell: (score: IndexScore) => { points: number | null; of?: number };
}

const componentOf = (score: IndexScore, c: Index766Component) => score.components.find((x) => x.component === c)!;

/** One column per component (points out of its measured points), or one per criterion. */
function columns(byCriterion: boolean): Column[] {
  return INDEX_766_COMPONENTS.flatMap((component): Column[] => {
    const { max, criteria } = INDEX_766_WEIGHTS[component];
    if (!byCriterion) {
      return [
        {
          key: component,
          header: `${componentName(component)} (${max})`,
          cell: (score) => ({ points: componentOf(score, component).points, of: componentOf(score, component).measuredMax }),
        },
      ];
    }
    return Object.entries(criteria).map(([criterion, weight]) => ({
      key: criterion,
      header: `${criterionName(criterion as Index766Criterion)} (${weight})`,
      cell: (score) => ({ points: componentOf(score, component).criteria.find((x) => x.criterion === criterion)!.points }),
    }));
  });
}

/**
 * Xếp hạng chỉ số phục vụ: rank, name, the score out of 100 and the points earned out of those
 * measurable, then each component (or, on request, each criterion) with "chưa đo" where the
 * platform has no data. The lines come ranked by the API.
 */
export function ScoreTable(props: { lines: IndexLine[]; nameHeader: string; testId: string }) {
  const [byCriterion, setByCriterion] = createSignal(false);
  return (
    <>
      <label class="index766-toggle">
        <input type="checkbox" checked={byCriterion()} onChange={(e) => setByCriterion(e.currentTarget.checked)} data-testid="show-criteria" />
        <span>{t('index766ShowCriteria')}</span>
      </label>
      <div class="table-scroll" tabindex="0" role="region" aria-label={props.nameHeader}>
        <table class="data-table" data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('index766Rank')}
              </th>
              <th scope="col">{props.nameHeader}</th>
              <th scope="col" class="num">
                {t('index766Normalised')}
              </th>
              <th scope="col" class="num">
                {t('index766Points')}
              </th>
              <For each={columns(byCriterion())}>
                {(column) => (
                  <th scope="col" class="num">
                    {column.header}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.lines}>
              {(line) => (
                <tr data-testid={`index-line-${line.key}`}>
                  <td class="num">{line.rank === null ? t('index766Unranked') : formatNumber(line.rank)}</td>
                  <th scope="row">
                    <Show when={line.href} fallback={line.name}>
                      <A href={line.href!} aria-label={line.linkLabel}>
                        {line.name}
                      </A>
                    </Show>
                  </th>
                  <td class="num" data-testid="normalised">
                    <Points points={line.score.normalised} />
                  </td>
                  <td class="num">
                    <Points points={line.score.points} of={line.score.measuredMax} />
                  </td>
                  <For each={columns(byCriterion())}>
                    {(column) => (
                      <td class="num" data-column={column.key}>
                        <Points {...column.cell(line.score)} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The components and their points, as the decision weighs them. */
export function WeightsNote() {
  return (
    <p class="muted" data-testid="index766-weights">
      {t('index766Weights')}: {INDEX_766_COMPONENTS.map((c) => `${componentName(c)} ${INDEX_766_WEIGHTS[c].max}`).join('; ')}.
    </p>
  );
}
