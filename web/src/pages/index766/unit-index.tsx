import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';
import { QuarterPicker, useQuarter } from './quarter-picker.js';
import { QuarterStatus } from './quarter-status.js';
import { ScoreTable, WeightsNote } from './score-table.js';
import type { UnitIndex } from './types.js';

/**
 * One province's receiving units ranked for a quarter: the province's own page and the
 * ministry's drill-down. The API scopes the units (a unit's leader sees their subtree).
 */
export function UnitIndexView(props: { tenantId: string }) {
  const { quarter } = useQuarter();
  const [index, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, quarter: quarter() }),
    ({ tenantId, quarter }) => answer(api.reports.index766.provinces[':tenantId'].units.$get({ param: { tenantId }, query: { quarter } })),
  );
  return (
    <section aria-labelledby="index766-heading">
      <h1 id="index766-heading">
        <Show when={index.latest} fallback={t('index766Heading')}>
          {(data) => fill('index766UnitsOf', { name: data().province.fullName })}
        </Show>
      </h1>
      <p class="note">{t('index766ProvinceIntro')}</p>
      <WeightsNote />
      <QuarterPicker withRunning />
      <ExportLinks
        path={`/api/reports/index766/provinces/${encodeURIComponent(props.tenantId)}/units`}
        filters={{ quarter: quarter() }}
        label={t('index766Download')}
        testId="export-index766-units"
      />
      <LoadOne data={index} retry={() => void refetch()}>
        {(data) => <Units data={data()} />}
      </LoadOne>
    </section>
  );
}

function Units(props: { data: UnitIndex }) {
  const lines = () => props.data.items.map((item) => ({ key: item.orgUnitId, name: item.name, rank: item.rank, score: item.score }));
  return (
    <>
      <QuarterStatus quarter={props.data.quarter} />
      <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
        <ScoreTable lines={lines()} nameHeader={t('index766Unit')} testId="index766-units" />
      </Show>
    </>
  );
}
