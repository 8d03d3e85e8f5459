import { Show, type JSX, type Resource } from 'solid-js';
import { ExportLinks } from '../../components/export-links.js';
import { LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { QuarterPicker } from './quarter-picker.js';
import { QuarterStatus } from './quarter-status.js';
import { ScoreTable, WeightsNote } from './score-table.js';
import type { IndexLine, QuarterInfo } from './types.js';

/**
 * What every service index page shows around its ranking: the heading and intro, the weights,
 * the quarter picker, the downloads of the quarter shown, and the loaded ranking (or the API's
 * refusal, e.g. a quarter not yet published).
 */
export function IndexFrame<T extends { quarter: QuarterInfo }>(props: {
  heading: JSX.Element;
  intro: string;
  withRunning: boolean;
  quarter: string;
  exportPath: string;
  exportTestId: string;
  data: Resource<T>;
  retry: () => void;
  children: (data: T) => JSX.Element;
}) {
  return (
    <section aria-labelledby="index766-heading">
      <h1 id="index766-heading">{props.heading}</h1>
      <p class="note">{props.intro}</p>
      <WeightsNote />
      <QuarterPicker withRunning={props.withRunning} />
      <ExportLinks path={props.exportPath} filters={{ quarter: props.quarter }} label={t('index766Download')} testId={props.exportTestId} />
      <LoadOne data={props.data} retry={props.retry}>
        {(data) => (
          <>
            <QuarterStatus quarter={data().quarter} />
            {props.children(data())}
          </>
        )}
      </LoadOne>
    </section>
  );
}

/** The ranking's table, or a note that there is nothing to rank. */
export function Ranking(props: { lines: IndexLine[]; nameHeader: string; testId: string }) {
  return (
    <Show when={props.lines.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
      <ScoreTable lines={props.lines} nameHeader={props.nameHeader} testId={props.testId} />
    </Show>
  );
}
