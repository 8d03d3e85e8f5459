import { createSignal, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { FormFooter } from '../../components/form-footer.js';

/**
 * Thôi làm quản trị tỉnh, for a province admin about themself. The API refuses the last admin
 * of the province (409) and that refusal is shown as it gives it.
 */
export function StepDown(props: { tenantId: string; onDone: () => void }) {
  const [open, setOpen] = createSignal(false);
  const stepDown = createAction(async (values: Record<string, string>) => {
    const json = values.reason ? { reason: values.reason } : {};
    await answer(api.tenants[':tenantId']['province-admins']['step-down'].$post({ param: { tenantId: props.tenantId }, json }));
    setOpen(false);
    props.onDone();
  });
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="link-button" data-testid="step-down-open" onClick={() => setOpen(true)}>
          {t('adminStepDown')}
        </button>
      }
    >
      <form
        class="card stack-form"
        aria-labelledby="step-down-heading"
        data-testid="step-down-form"
        onSubmit={(e) => void stepDown.run(formValues(e))}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <h2 id="step-down-heading">{t('adminStepDown')}</h2>
        <p class="muted">{t('adminStepDownIntro')}</p>
        <Field id="step-down-reason" name="reason" label={t('adminStepDownReason')} problem={stepDown.problem('reason')} />
        <FormFooter action={stepDown} submit={t('adminStepDown')} onCancel={() => setOpen(false)} />
      </form>
    </Show>
  );
}
