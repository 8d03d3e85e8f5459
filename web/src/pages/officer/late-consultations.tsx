import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { LoadOne } from '../../components/load-state.js';
import { formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { DueCell, StateCell, unitLabel, useProvinceNames } from './consultation-parts.js';
import { dossierPage } from './types.js';
import '../../components/reports/reports.css';
import './officer.css';

/**
 * Xin ý kiến quá hạn: the requests the reader's units asked for that were answered after their
 * deadline or are past it unanswered, with the two counts the asking unit follows
 * (docs/domain/consultations.md); a province admin sees the whole province's.
 */
export function LateConsultations(props: { tenantId: string }) {
  const province = useProvinceNames();
  const [late, { refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(api.tenants[':tenantId'].consultations.late.$get({ param: { tenantId } })),
  );
  const figure = (key: string, label: MessageKey, value: number) => (
    <li class={value > 0 ? 'kpi kpi-warn' : 'kpi'} data-kpi={key}>
      <span class="kpi-label">{t(label)}</span>
      <span class="kpi-value">{formatNumber(value)}</span>
    </li>
  );
  return (
    <section aria-labelledby="late-consultations-heading" data-testid="late-consultations">
      <h2 id="late-consultations-heading">{t('consultationLateHeading')}</h2>
      <p class="muted">{t('consultationLateIntro')}</p>
      <LoadOne data={late} retry={() => void refetch()}>
        {(data) => (
          <>
            <ul class="kpi-grid" data-testid="late-consultation-figures">
              {figure('total', 'consultationLateTotal', data().total)}
              {figure('unanswered', 'consultationLateUnanswered', data().unanswered)}
            </ul>
            <Show when={data().items.length > 0} fallback={<p class="muted">{t('consultationLateEmpty')}</p>}>
              <DataTable
                labelledBy="late-consultations-heading"
                testId="late-consultation-table"
                rows={data().items}
                rowTestId={(row) => `late-consultation-${row.id}`}
                columns={[
                  {
                    header: t('officerCode'),
                    class: 'mono',
                    cell: (row) => (row.dossierId ? <A href={dossierPage(props.tenantId, row.dossierId)}>{row.dossierCode}</A> : row.dossierCode),
                  },
                  {
                    header: t('consultationStep'),
                    cell: (row) => (
                      <>
                        <span class="cell-main">{row.stepName}</span>
                        <span class="cell-sub">{unitLabel(row.askingUnitName, row.askingTenantId, province)}</span>
                      </>
                    ),
                  },
                  {
                    header: t('consultationAskedUnit'),
                    class: 'consultation-text',
                    cell: (row) => unitLabel(row.consultedUnitName, row.consultedTenantId, province),
                  },
                  { header: t('consultationDue'), cell: (row) => <DueCell item={row} /> },
                  { header: t('consultationState'), cell: (row) => <StateCell item={row} /> },
                ]}
              />
            </Show>
          </>
        )}
      </LoadOne>
    </section>
  );
}
