import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, type ItemOf } from '../../api.js';
import { createAction } from '../../components/action.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { DataTable } from '../../components/data-table.js';
import { RequireAccess } from '../../components/require-console.js';
import { formatDate } from '../../i18n/format.js';
import { fill, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { PageState } from './page-state.js';
import './portal.css';

const STORE_KIND: Record<StoredDocument['kind'], MessageKey> = {
  submitted: 'storeKindSubmitted',
  result: 'storeKindResult',
  uploaded: 'storeKindUploaded',
};

const PAGE_SIZE = 20;
type StoredDocument = ItemOf<typeof api.me.documents.$get>;

/**
 * Kho giấy tờ của tôi: what the citizen handed in and what was issued to them, from every
 * province, to download or delete (docs/domain/citizen-data-store.md). Deleting hides the
 * document from the store only; the dossier keeps its copy, so it asks once more first.
 */
export default function MyDocumentsPage() {
  return (
    <section aria-labelledby="portal-store-heading" class="portal">
      <h1 id="portal-store-heading">{t('storeHeading')}</h1>
      <RequireAccess allowed={() => session()?.user.kind === 'citizen'}>
        <MyDocuments />
      </RequireAccess>
    </section>
  );
}

function MyDocuments() {
  const [params, setParams] = useSearchParams<{ page?: string }>();
  const page = () => Math.max(1, Number(params.page ?? '1') || 1);
  const [documents, { refetch }] = createResource(page, (p) => answer(api.me.documents.$get({ query: { page: String(p), pageSize: String(PAGE_SIZE) } })));
  const [confirming, setConfirming] = createSignal<StoredDocument | null>(null);
  const [done, setDone] = createSignal(false);
  const remove = createAction(async (document: StoredDocument) => {
    await answer(api.me.documents[':documentId'].$delete({ param: { documentId: document.id } }));
    setConfirming(null);
    setDone(true);
    void refetch();
  });
  return (
    <>
      <p class="muted">{t('storeIntro')}</p>
      <Show when={done()}>
        <p role="status" class="note">
          {t('storeDeleted')}
        </p>
      </Show>
      <Show when={confirming()}>
        {(d) => (
          <ConfirmDelete
            id="portal-store-confirm"
            testId="store-confirm"
            question={fill('storeDeleteConfirm', { name: d().fileName })}
            yes={t('storeDeleteYes')}
            no={t('storeDeleteNo')}
            busy={remove.busy()}
            error={remove.error()}
            onYes={() => void remove.run(d())}
            onNo={() => setConfirming(null)}
          />
        )}
      </Show>
      <PageState data={documents} retry={() => void refetch()} onPage={(p) => setParams({ page: String(p) })} empty={<p class="note">{t('storeEmpty')}</p>}>
        {(items) => (
          <DataTable
            labelledBy="portal-store-heading"
            testId="store-table"
            rows={items()}
            rowTestId={(d) => `document-${d.id}`}
            columns={[
              {
                header: t('storeDocument'),
                cell: (d) => (
                  <>
                    <span class="cell-main">{d.fileName}</span>
                    <span class="cell-sub">{d.componentName}</span>
                  </>
                ),
              },
              {
                header: t('storeSource'),
                cell: (d) => (
                  <>
                    <span class="cell-main mono">{d.sourceDossierCode ?? t('storeNoDossier')}</span>
                    <span class="cell-sub">
                      {t(STORE_KIND[d.kind])} · {d.provinceName} · {formatDate(d.createdAt)}
                    </span>
                  </>
                ),
              },
              {
                header: t('storeActions'),
                cell: (d) => (
                  <div class="button-row">
                    {/* A download is an anchor with a plain path (docs/code-conventions.md#web-calls). */}
                    <a href={`/api/me/documents/${d.id}/content`} download={d.fileName} aria-label={`${t('storeDownload')}: ${d.fileName}`}>
                      {t('storeDownload')}
                    </a>
                    <button
                      type="button"
                      class="link-button"
                      aria-label={`${t('storeDelete')}: ${d.fileName}`}
                      onClick={() => {
                        setDone(false);
                        setConfirming(d);
                      }}
                    >
                      {t('storeDelete')}
                    </button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </PageState>
    </>
  );
}
