import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, basedOn } from '../../api.js';
import { createAction } from '../../components/action.js';
import { t } from '../../i18n/index.js';
import { FormFooter } from '../../components/form-footer.js';

const policyApi = api.tenants[':tenantId']['sign-in-policy'];

/**
 * "Cán bộ phải đăng nhập bằng VNeID", for a province admin: when on, the API refuses the
 * province's officers their password sign-in.
 */
export function SignInPolicyForm(props: { tenantId: string }) {
  const [policy, { mutate, refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(policyApi.$get({ param: { tenantId } })),
  );
  const [saved, setSaved] = createSignal(false);
  const save = createAction(
    async (officersVneidOnly: boolean) => {
      setSaved(false);
      const put = policyApi.$put({ param: { tenantId: props.tenantId }, json: { officersVneidOnly } }, { headers: basedOn(policy()?.revision ?? 0) });
      mutate(await answer(put));
      setSaved(true);
    },
    { onStale: () => void refetch() },
  );
  return (
    <Show when={policy()}>
      {(current) => (
        <form
          class="card stack-form"
          aria-labelledby="sign-in-policy-heading"
          data-testid="sign-in-policy"
          onSubmit={(e) => {
            e.preventDefault();
            const box = e.currentTarget.elements.namedItem('officersVneidOnly') as HTMLInputElement;
            void save.run(box.checked);
          }}
        >
          <h2 id="sign-in-policy-heading">{t('signInPolicyHeading')}</h2>
          <label class="check-row">
            <input type="checkbox" name="officersVneidOnly" checked={current().officersVneidOnly} />
            <span>{t('signInPolicyVneidOnly')}</span>
          </label>
          <p class="hint">{t('signInPolicyHint')}</p>
          <FormFooter action={save} saved={saved() ? t('signInPolicySaved') : ''} />
        </form>
      )}
    </Show>
  );
}
