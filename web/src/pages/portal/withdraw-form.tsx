import { createSignal, Show } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { createAction } from '../../components/action.js';
import { t } from '../../i18n/index.js';
import { formText, type DossierRef } from './portal-api.js';

/**
 * Rút hồ sơ: the applicant withdraws their dossier. Withdrawal ends the dossier for good (national
 * status 7), so it takes two steps — open the form, then confirm with a reason, which the
 * receiving office reads in the dossier's history.
 */
export function WithdrawForm(props: { dossier: DossierRef; onDone: () => void }) {
  const [open, setOpen] = createSignal(false);
  const withdraw = createAction(async (form: HTMLFormElement) => {
    const json = { reason: formText(new FormData(form), 'reason') };
    await answer(api.tenants[':tenantId'].dossiers[':dossierId'].actions[':action'].$post({ param: { ...props.dossier, action: 'withdraw' }, json }));
    setOpen(false);
    props.onDone();
  });
  return (
    <section class="portal-withdraw" aria-labelledby="portal-withdraw-heading" data-testid="withdraw">
      <h2 id="portal-withdraw-heading" class="portal-subheading">
        {t('portalWithdrawHeading')}
      </h2>
      <Show
        when={open()}
        fallback={
          <button type="button" onClick={() => setOpen(true)}>
            {t('portalWithdrawOpen')}
          </button>
        }
      >
        <form
          class="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void withdraw.run(e.currentTarget);
          }}
        >
          <p class="note" id="portal-withdraw-warning">
            {t('portalWithdrawWarning')}
          </p>
          <div class="field">
            <label for="portal-withdraw-reason">
              {t('portalWithdrawReason')}
              <span class="req" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea id="portal-withdraw-reason" name="reason" rows={2} required maxLength={2000} aria-describedby="portal-withdraw-warning" />
          </div>
          <Show when={withdraw.error()}>
            {(e) => (
              <p role="alert" class="error">
                {errorText(e(), t('actionFailed'))}
              </p>
            )}
          </Show>
          <div class="button-row">
            <button type="submit" class="danger" disabled={withdraw.busy()}>
              {withdraw.busy() ? t('portalSending') : t('portalWithdrawConfirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)} disabled={withdraw.busy()}>
              {t('portalWithdrawCancel')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
