import { createResource } from 'solid-js';
import { answer, api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { IndexFrame, Ranking } from './index-frame.js';
import { useQuarter } from './quarter-picker.js';

/**
 * Công khai chỉ số phục vụ: for everyone, signed in or not. Only closed quarters are offered; the
 * API refuses a running one with its own message, which the load state shows.
 */
export default function PublicIndexPage() {
  const { quarter } = useQuarter();
  const [index, { refetch }] = createResource(quarter, (q) => answer(api.public.index766.$get({ query: { quarter: q } })));
  return (
    <IndexFrame
      heading={t('index766PublicHeading')}
      intro={t('index766PublicIntro')}
      withRunning={false}
      quarter={quarter()}
      exportPath="/api/public/index766"
      exportTestId="export-index766-public"
      data={index}
      retry={() => void refetch()}
    >
      {(data) => (
        <Ranking
          nameHeader={t('index766Province')}
          testId="index766-public"
          lines={data.items.map((item) => ({ key: item.tenantId, name: item.fullName, rank: item.rank, score: item.score }))}
        />
      )}
    </IndexFrame>
  );
}
