import { createResource } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { LoadOne } from '../../components/load-state.js';
import { NotificationUsageTable } from '../../components/notification-usage-table.js';
import { t } from '../../i18n/index.js';

/** The province's own notification usage this month so far, for its admin, with the downloads. */
export function NotificationUsageSection(props: { tenantId: string }) {
  const [usage, { refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(api.tenants[':tenantId']['notification-usage'].$get({ param: { tenantId }, query: {} })),
  );
  return (
    <section class="card" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('usageHeading')}</h2>
      <p class="muted">{t('usageIntro')}</p>
      <LoadOne data={usage} retry={() => void refetch()}>
        {(data) => <NotificationUsageTable rows={data().items} labelledBy="usage-heading" />}
      </LoadOne>
      <ExportLinks path={`/api/tenants/${props.tenantId}/notification-usage`} filters={{}} label={t('usageExport')} testId="export-notification-usage" />
    </section>
  );
}
