import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { RequireMinistry } from '../ministry/require-ministry.js';
import { fill } from '../ministry/types.js';
import { QuarterPicker, useQuarter } from './quarter-picker.js';
import { QuarterStatus } from './quarter-status.js';
import { ScoreTable, WeightsNote } from './score-table.js';
import type { ProvinceIndex } from './types.js';

/** Chỉ số phục vụ: every province ranked for a quarter, for ministry staff; each links to its units. */
export default function MinistryIndexPage() {
  return (
    <RequireMinistry>
      <MinistryIndex />
    </RequireMinistry>
  );
}

function MinistryIndex() {
  const { quarter } = useQuarter();
  const [index, { refetch }] = createResource(quarter, (q) => answer(api.reports.index766.provinces.$get({ query: { quarter: q } })));
  return (
    <section aria-labelledby="index766-heading">
      <h1 id="index766-heading">{t('index766Heading')}</h1>
      <p class="note">{t('index766MinistryIntro')}</p>
      <WeightsNote />
      <QuarterPicker withRunning />
      <ExportLinks path="/api/reports/index766/provinces" filters={{ quarter: quarter() }} label={t('index766Download')} testId="export-index766" />
      <LoadOne data={index} retry={() => void refetch()}>
        {(data) => <Ranking data={data()} />}
      </LoadOne>
    </section>
  );
}

function Ranking(props: { data: ProvinceIndex }) {
  const lines = () =>
    props.data.items.map((item) => ({
      key: item.tenantId,
      name: item.fullName,
      href: `/ministry/index766/${item.tenantId}?quarter=${props.data.quarter.quarter}`,
      linkLabel: fill('index766DrillDown', { name: item.fullName }),
      rank: item.rank,
      score: item.score,
    }));
  return (
    <>
      <QuarterStatus quarter={props.data.quarter} />
      <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
        <ScoreTable lines={lines()} nameHeader={t('index766Province')} testId="index766-provinces" />
      </Show>
    </>
  );
}
