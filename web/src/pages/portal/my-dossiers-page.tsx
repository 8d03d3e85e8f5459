import { A, useSearchParams } from '@solidjs/router';
import { NATIONAL_STATUS, type NationalStatus } from '@gov/domain';
import { createResource } from 'solid-js';
import { answer, api } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { RequireAccess } from '../../components/require-console.js';
import { formatDate } from '../../i18n/format.js';
import { pick, t } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { MyDrafts } from './my-drafts.js';
import { PageState } from './page-state.js';
import './portal.css';

const PAGE_SIZE = 10;
export const statusText = (status: number) => pick(NATIONAL_STATUS[status as NationalStatus] ?? { vi: String(status), en: String(status) });

/**
 * Hồ sơ của tôi: every dossier the citizen is the applicant of, in every province, newest first,
 * and below them their drafts. The server knows where they filed and what they saved, so a new
 * phone shows the same lists.
 */
export default function MyDossiersPage() {
  return (
    <section aria-labelledby="portal-my-heading" class="portal">
      <h1 id="portal-my-heading">{t('portalMyHeading')}</h1>
      <RequireAccess allowed={() => session()?.user.kind === 'citizen'}>
        <MyDossiers />
        <MyDrafts />
      </RequireAccess>
    </section>
  );
}

function MyDossiers() {
  const [params, setParams] = useSearchParams<{ page?: string }>();
  const page = () => Math.max(1, Number(params.page ?? '1') || 1);
  const [dossiers, { refetch }] = createResource(page, (p) => answer(api.me.dossiers.$get({ query: { page: String(p), pageSize: String(PAGE_SIZE) } })));
  return (
    <>
      <p class="muted">{t('portalMyIntro')}</p>
      <PageState
        data={dossiers}
        retry={() => void refetch()}
        onPage={(p) => setParams({ page: String(p) })}
        empty={
          <p class="note">
            {t('portalMyEmpty')} <A href="/portal/procedures">{t('portalMyFindProcedure')}</A>
          </p>
        }
      >
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
                    <A class="cell-main mono" href={`/portal/my-dossiers/${d.tenantId}/${d.dossierId}`}>
                      {d.code}
                    </A>
                    <span class="cell-sub">{d.procedureName}</span>
                    {/* Three columns fit a 360-px phone: the province goes under the procedure. */}
                    <span class="cell-sub" data-testid="dossier-province">
                      {d.provinceName}
                    </span>
                  </>
                ),
              },
              { header: t('portalStatus'), cell: (d) => statusText(d.nationalStatus) },
              { header: t('portalPromisedAt'), cell: (d) => (d.dueAt ? formatDate(d.dueAt) : '—') },
            ]}
          />
        )}
      </PageState>
    </>
  );
}
