import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, errorText, type ItemOf } from '../../api.js';
import { createAction } from '../../components/action.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { DataTable } from '../../components/data-table.js';
import { formatDateTime } from '../../i18n/format.js';
import { fill, t } from '../../i18n/index.js';

type Draft = ItemOf<typeof api.me.drafts.$get>;

/**
 * "Bản nháp" beside "Hồ sơ của tôi": the citizen's saved, unfiled submissions from every
 * province, to resume (on this or any device) or delete after a confirmation
 * (docs/domain/dossier-drafts.md).
 */
export function MyDrafts() {
  const [drafts, { refetch }] = createResource(() => answer(api.me.drafts.$get()));
  const [confirming, setConfirming] = createSignal<Draft | null>(null);
  const [done, setDone] = createSignal(false);
  const remove = createAction(async (draft: Draft) => {
    await answer(api.me.drafts[':draftId'].$delete({ param: { draftId: draft.id } }));
    setConfirming(null);
    setDone(true);
    void refetch();
  });
  return (
    <section aria-labelledby="portal-drafts-heading" data-testid="my-drafts">
      <h2 id="portal-drafts-heading" class="portal-subheading">
        {t('draftsHeading')}
      </h2>
      <Show when={done()}>
        <p role="status" class="note">
          {t('draftDeleted')}
        </p>
      </Show>
      <Show when={confirming()}>
        {(d) => (
          <ConfirmDelete
            id="portal-draft-confirm"
            testId="draft-confirm"
            question={fill('draftDeleteConfirm', { name: d().procedureName })}
            yes={t('draftDeleteYes')}
            no={t('draftDeleteNo')}
            busy={remove.busy()}
            error={remove.error()}
            onYes={() => void remove.run(d())}
            onNo={() => setConfirming(null)}
          />
        )}
      </Show>
      <Show when={drafts.state === 'errored'}>
        <p role="alert" class="error">
          {errorText(drafts.error, t('loadFailed'))}
        </p>
      </Show>
      <Show when={drafts()}>
        {(list) => (
          <>
            <p class="muted">{fill('draftsIntro', { limit: String(list().limit) })}</p>
            <Show when={list().items.length > 0} fallback={<p class="note">{t('draftsEmpty')}</p>}>
              <DataTable
                labelledBy="portal-drafts-heading"
                testId="my-draft-table"
                rows={list().items}
                rowTestId={(d) => `draft-${d.id}`}
                columns={[
                  {
                    header: t('draftProcedure'),
                    cell: (d) => (
                      <>
                        <span class="cell-main">{d.procedureName}</span>
                        <span class="cell-sub">{d.provinceName}</span>
                      </>
                    ),
                  },
                  { header: t('draftUpdatedAt'), cell: (d) => formatDateTime(d.updatedAt) },
                  {
                    header: t('draftActions'),
                    cell: (d) => (
                      <div class="button-row">
                        <A href={`/portal/submit/${d.tenantId}/${d.procedureCode}?draft=${d.id}`} aria-label={`${t('draftResume')}: ${d.procedureName}`}>
                          {t('draftResume')}
                        </A>
                        <button
                          type="button"
                          class="link-button"
                          aria-label={`${t('draftDelete')}: ${d.procedureName}`}
                          onClick={() => {
                            setDone(false);
                            setConfirming(d);
                          }}
                        >
                          {t('draftDelete')}
                        </button>
                      </div>
                    ),
                  },
                ]}
              />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
