import { Show } from 'solid-js';
import { errorText } from '../api.js';
import { t } from '../i18n/index.js';

/**
 * "Are you sure?" before deleting something the citizen owns (a stored document, a draft): the
 * question, the refusal if the deletion failed, and the two answers, announced as an alert dialog.
 */
export function ConfirmDelete(props: {
  id: string;
  testId: string;
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  error: unknown;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div role="alertdialog" aria-labelledby={props.id} class="note" data-testid={props.testId}>
      <p id={props.id}>{props.question}</p>
      <Show when={props.error}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="danger" disabled={props.busy} onClick={() => props.onYes()}>
          {props.yes}
        </button>
        <button type="button" disabled={props.busy} onClick={() => props.onNo()}>
          {props.no}
        </button>
      </div>
    </div>
  );
}
