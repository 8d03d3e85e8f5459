import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { QuarterPicker, useQuarter } from './quarter-picker.js';
import { QuarterStatus } from './quarter-status.js';
import { ScoreTable, WeightsNote } from './score-table.js';
import type { ProvinceIndex } from './types.js';

/**
 * Công khai chỉ số phục vụ: for everyone, signed in or not. Only closed quarters are offered; the
 * API refuses a running one with its own message, which the load state shows.
 */
export default function PublicIndexPage() {
  const { quarter } = useQuarter();
  const [index, { refetch }] = createResource(quarter, (q) => answer(api.public.index766.$get({ query: { quarter: q } })));
  return (
    <section aria-labelledby="index766-heading">
      <h1 id="index766-heading">{t('index766PublicHeading')}</h1>
      <p class="note">{t('index766PublicIntro')}</p>
      <WeightsNote />
      <QuarterPicker withRunning={false} />
      <ExportLinks path="/api/public/index766" filters={{ quarter: quarter() }} label={t('index766Download')} testId="export-index766-public" />
      <LoadOne data={index} retry={() => void refetch()}>
        {(data) => <Published data={data()} />}
      </LoadOne>
    </section>
  );
}

function Published(props: { data: ProvinceIndex }) {
  const lines = () => props.data.items.map((item) => ({ key: item.tenantId, name: item.fullName, rank: item.rank, score: item.score }));
  return (
    <>
      <QuarterStatus quarter={props.data.quarter} />
      <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
        <ScoreTable lines={lines()} nameHeader={t('index766Province')} testId="index766-public" />
      </Show>
    </>
  );
}
