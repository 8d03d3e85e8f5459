import { A, Navigate, useSearchParams } from '@solidjs/router';
import { NATIONAL_STATUS, type NationalStatus } from '@gov/domain';
import { createResource, Match, Switch } from 'solid-js';
import { getJson } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { formatDate } from '../../i18n/format.js';
import { pick, t } from '../../i18n/index.js';
import { ready, session } from '../../session/session.js';
import { PageState } from './page-state.js';
import { filedProvinces, type MyDossier, type Page } from './portal-api.js';
import { ProvinceSelect } from './province-select.js';
import './portal.css';

const PAGE_SIZE = 10;
export const statusText = (status: number) => pick(NATIONAL_STATUS[status as NationalStatus] ?? { vi: String(status), en: String(status) });

/** Hồ sơ của tôi: the citizen's own dossiers, one province at a time (where they filed first). */
export default function MyDossiersPage() {
  return (
    <section aria-labelledby="portal-my-heading" class="portal">
      <h1 id="portal-my-heading">{t('portalMyHeading')}</h1>
      <Switch>
        <Match when={!ready()}><p aria-busy="true" class="muted">{t('loading')}</p></Match>
        <Match when={!session()}><Navigate href="/login" /></Match>
        <Match when={session()?.user.kind !== 'citizen'}><p role="alert" class="error">{t('notAllowed')}</p></Match>
        <Match when={session()}>{(s) => <MyDossiers userId={s().user.userId} />}</Match>
      </Switch>
    </section>
  );
}

function MyDossiers(props: { userId: string }) {
  const [params, setParams] = useSearchParams<{ tenantId?: string; page?: string }>();
  const filed = filedProvinces(props.userId);
  const tenantId = () => params.tenantId ?? filed[0] ?? '';
  const page = () => Math.max(1, Number(params.page ?? '1') || 1);
  const [dossiers, { refetch }] = createResource(
    () => (tenantId() ? { tenantId: tenantId(), page: page() } : false),
    (q) => getJson<Page<MyDossier>>(`/api/tenants/${q.tenantId}/my-dossiers?page=${q.page}&pageSize=${PAGE_SIZE}`),
  );
  return (
    <>
      <p class="muted">{t('portalMyIntro')}</p>
      <div class="portal-filters">
        <ProvinceSelect id="portal-my-province" value={tenantId()} filed={filed} onChange={(id) => setParams({ tenantId: id || undefined, page: undefined })} />
      </div>
      <Switch fallback={<p class="note">{t('portalPickProvinceFirst')}</p>}>
        <Match when={tenantId()}>
          <PageState data={dossiers} retry={() => void refetch()} onPage={(p) => setParams({ page: String(p) })}>
            {(items) => (
              <DataTable
                labelledBy="portal-my-heading"
                testId="my-dossier-table"
                rows={items()}
                rowTestId={(d) => `dossier-${d.code}`}
                columns={[
                  {
                    header: t('portalDossierCode'),
                    cell: (d) => (
                      <>
                        <A class="cell-main mono" href={`/portal/my-dossiers/${tenantId()}/${d.dossierId}`}>{d.code}</A>
                        <span class="cell-sub">{d.procedureName}</span>
                      </>
                    ),
                  },
                  { header: t('portalStatus'), cell: (d) => statusText(d.nationalStatus) },
                  { header: t('portalPromisedAt'), cell: (d) => (d.dueAt ? formatDate(d.dueAt) : '—') },
                ]}
              />
            )}
          </PageState>
        </Match>
      </Switch>
    </>
  );
}
