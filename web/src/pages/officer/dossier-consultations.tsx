import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { LoadFailed, loaded } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { DueCell, StateCell, unitLabel, useProvinceNames } from './consultation-parts.js';

/**
 * Lấy ý kiến: each unit the dossier's steps asked, its deadline, whether and when it answered
 * (late ones flagged) and its answer, in the order asked (docs/domain/consultations.md). Shown
 * only when the dossier has consultations; `version` changes when the page reloads the dossier.
 */
export function DossierConsultations(props: { tenantId: string; dossierId: string; version: unknown }) {
  const province = useProvinceNames();
  const [list, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, dossierId: props.dossierId, version: props.version }),
    async ({ tenantId, dossierId }) =>
      (await answer(api.tenants[':tenantId'].dossiers[':dossierId'].consultations.$get({ param: { tenantId, dossierId } }))).items,
  );
  return (
    <>
      <Show when={list.state === 'errored'}>
        <LoadFailed error={list.error as unknown} retry={() => void refetch()} />
      </Show>
      <Show when={(loaded(list)?.length ?? 0) > 0}>
        <section aria-labelledby="d-consultations" class="card" data-testid="dossier-consultations">
          <h2 id="d-consultations">{t('consultationDossierHeading')}</h2>
          <DataTable
            labelledBy="d-consultations"
            testId="dossier-consultation-table"
            rows={loaded(list) ?? []}
            rowTestId={(row) => `dossier-consultation-${row.id}`}
            columns={[
              {
                header: t('consultationAskedUnit'),
                class: 'consultation-text',
                cell: (row) => (
                  <>
                    <span class="cell-main">{unitLabel(row.consultedUnitName, row.consultedTenantId, province)}</span>
                    <span class="cell-sub">{row.stepName}</span>
                  </>
                ),
              },
              { header: t('consultationDue'), cell: (row) => <DueCell item={row} /> },
              { header: t('consultationState'), cell: (row) => <StateCell item={row} /> },
              { header: t('consultationAnswer'), class: 'consultation-text', cell: (row) => row.answer ?? '—' },
            ]}
          />
        </section>
      </Show>
    </>
  );
}
