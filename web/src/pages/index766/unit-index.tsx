import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';
import { IndexFrame, Ranking } from './index-frame.js';
import { useQuarter } from './quarter-picker.js';

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
    <IndexFrame
      heading={
        <Show when={index.latest} fallback={t('index766Heading')}>
          {(data) => fill('index766UnitsOf', { name: data().province.fullName })}
        </Show>
      }
      intro={t('index766ProvinceIntro')}
      withRunning
      quarter={quarter()}
      exportPath={`/api/reports/index766/provinces/${encodeURIComponent(props.tenantId)}/units`}
      exportTestId="export-index766-units"
      data={index}
      retry={() => void refetch()}
    >
      {(data) => (
        <Ranking
          nameHeader={t('index766Unit')}
          testId="index766-units"
          lines={data.items.map((item) => ({ key: item.orgUnitId, name: item.name, rank: item.rank, score: item.score }))}
        />
      )}
    </IndexFrame>
  );
}
