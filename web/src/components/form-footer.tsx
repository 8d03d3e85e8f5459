import { Show, type JSX } from 'solid-js';
import { errorText } from '../api.js';
import { t } from '../i18n/index.js';

/** What a footer reads of a write (`createAction`): whether it runs, and the API's refusal. */
interface Pending {
  busy: () => boolean;
  error: () => unknown;
}

/**
 * The end of every console form, one shape everywhere: the API's refusal in its own words, the
 * line saying it was saved (a live region, so a screen reader announces it) when the form has
 * one, and the submit button (showing that it saves while it runs) with an optional cancel.
 */
export function FormFooter(props: { action: Pending; submit?: string; saved?: string; onCancel?: () => void }): JSX.Element {
  return (
    <>
      <Show when={props.action.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <Show when={props.saved !== undefined}>
        <p role="status">{props.saved}</p>
      </Show>
      <div class="button-row">
        <button type="submit" class="primary" disabled={props.action.busy()}>
          {props.action.busy() ? t('saving') : (props.submit ?? t('save'))}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="link-button" onClick={() => cancel()()}>
              {t('cancel')}
            </button>
          )}
        </Show>
      </div>
    </>
  );
}
