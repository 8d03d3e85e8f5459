import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, basedOn } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { FormFooter } from '../../components/form-footer.js';
import { t } from '../../i18n/index.js';

const settingsApi = api.tenants[':tenantId'].archive.settings;

/**
 * "Thời hạn chuyển lưu trữ", for a province admin: after how many months a closed dossier's files
 * move to archive storage (docs/domain/archive-and-retention.md).
 */
export function ArchiveSetting(props: { tenantId: string }) {
  const [settings, { mutate, refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(settingsApi.$get({ param: { tenantId } })),
  );
  const [saved, setSaved] = createSignal(false);
  const save = createAction(
    async (months: number) => {
      setSaved(false);
      const put = settingsApi.$put(
        { param: { tenantId: props.tenantId }, json: { archiveAfterMonths: months } },
        { headers: basedOn(settings()?.revision ?? 0) },
      );
      mutate(await answer(put));
      setSaved(true);
    },
    { onStale: () => void refetch() },
  );
  return (
    <Show when={settings()}>
      {(current) => (
        <form
          class="card stack-form work-list-setting"
          aria-labelledby="archive-setting-heading"
          data-testid="archive-setting"
          onSubmit={(e) => {
            // Sent as typed (a number or not): the API's Vietnamese message says what is wrong.
            const raw = (formValues(e).archiveAfterMonths ?? '').trim();
            void save.run(raw === '' ? Number.NaN : Number(raw));
          }}
        >
          <h2 id="archive-setting-heading">{t('archiveSettingHeading')}</h2>
          <Field
            id="archive-after"
            name="archiveAfterMonths"
            type="number"
            inputMode="numeric"
            label={t('archiveSettingLabel')}
            hint={t('archiveSettingHint')}
            value={String(current().archiveAfterMonths)}
            problem={save.problem('archiveAfterMonths')}
          />
          <FormFooter action={save} saved={saved() ? t('archiveSettingSaved') : ''} />
        </form>
      )}
    </Show>
  );
}
