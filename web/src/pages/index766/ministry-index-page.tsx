import { createResource } from 'solid-js';
import { answer, api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { RequireMinistry } from '../ministry/require-ministry.js';
import { fill } from '../ministry/types.js';
import { IndexFrame, Ranking } from './index-frame.js';
import { useQuarter } from './quarter-picker.js';

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
    <IndexFrame
      heading={t('index766Heading')}
      intro={t('index766MinistryIntro')}
      withRunning
      quarter={quarter()}
      exportPath="/api/reports/index766/provinces"
      exportTestId="export-index766"
      data={index}
      retry={() => void refetch()}
    >
      {(data) => (
        <Ranking
          nameHeader={t('index766Province')}
          testId="index766-provinces"
          lines={data.items.map((item) => ({
            key: item.tenantId,
            name: item.fullName,
            href: `/ministry/index766/${item.tenantId}?quarter=${data.quarter.quarter}`,
            linkLabel: fill('index766DrillDown', { name: item.fullName }),
            rank: item.rank,
            score: item.score,
          }))}
        />
      )}
    </IndexFrame>
  );
}
