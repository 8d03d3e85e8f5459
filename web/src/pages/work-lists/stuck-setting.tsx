import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, basedOn } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { FormFooter } from '../../components/form-footer.js';

const settingsApi = api.tenants[':tenantId']['work-lists'].settings;

/**
 * "Ngưỡng hồ sơ tồn đọng", for a province admin: after how many working days without action a
 * dossier is listed as stuck. `onSaved` reloads the list so it follows the new threshold.
 */
export function StuckSetting(props: { tenantId: string; onSaved: () => void }) {
  const [settings, { mutate, refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(settingsApi.$get({ param: { tenantId } })),
  );
  const [saved, setSaved] = createSignal(false);
  const save = createAction(
    async (days: number) => {
      setSaved(false);
      const put = settingsApi.$put(
        { param: { tenantId: props.tenantId }, json: { stuckAfterWorkingDays: days } },
        { headers: basedOn(settings()?.revision ?? 0) },
      );
      mutate(await answer(put));
      setSaved(true);
      props.onSaved();
    },
    { onStale: () => void refetch() },
  );
  return (
    <Show when={settings()}>
      {(current) => (
        <form
          class="card stack-form work-list-setting"
          aria-labelledby="stuck-setting-heading"
          data-testid="stuck-setting"
          onSubmit={(e) => {
            // Sent as typed (a number or not): the API's Vietnamese message says what is wrong.
            const raw = (formValues(e).stuckAfterWorkingDays ?? '').trim();
            void save.run(raw === '' ? Number.NaN : Number(raw));
          }}
        >
          <h2 id="stuck-setting-heading">{t('workListsSettingHeading')}</h2>
          <Field
            id="stuck-after"
            name="stuckAfterWorkingDays"
            type="number"
            inputMode="numeric"
            label={t('workListsSettingLabel')}
            hint={t('workListsSettingHint')}
            value={String(current().stuckAfterWorkingDays)}
            problem={save.problem('stuckAfterWorkingDays')}
          />
          <FormFooter action={save} saved={saved() ? t('workListsSettingSaved') : ''} />
        </form>
      )}
    </Show>
  );
}
