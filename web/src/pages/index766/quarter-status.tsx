import { Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { quarterLabel } from './quarter-picker.js';
import type { QuarterInfo } from './types.js';

/** Which quarter the figures are for, and a warning while it is still running. */
export function QuarterStatus(props: { quarter: QuarterInfo }) {
  return (
    <>
      <h2 data-testid="index766-quarter">{quarterLabel(props.quarter.quarter)}</h2>
      <Show when={!props.quarter.closed}>
        <p class="note" role="status" data-testid="quarter-open">
          {t('index766QuarterOpen')}
        </p>
      </Show>
    </>
  );
}
