import { createSignal, onMount, Show } from 'solid-js';
import { answer, api, ApiError, errorText, type Answer } from '../../api.js';
import { createAction } from '../../components/action.js';
import { fill, t } from '../../i18n/index.js';
import { DueCell, unitLabel, type Consultation, type ProvinceName } from './consultation-parts.js';

type AnswerCall = (typeof api.tenants)[':tenantId']['consultations'][':consultationId']['answer']['$post'];
export type Answered = Answer<AnswerCall>;

/**
 * The consulted unit's answer to one request: the opinion, read back once with the question
 * "send it?" (a request is answered once, docs/domain/consultations.md), then sent. A request
 * someone else answered meanwhile (409) or that is gone (404) goes to `onGone`, so the page
 * reloads its list; any other refusal stays here with the API's words, next to the text.
 */
export function ConsultationAnswerForm(props: {
  tenantId: string;
  item: Consultation;
  province: ProvinceName;
  onDone: (answered: Answered) => void;
  onGone: (error: ApiError) => void;
  onCancel: () => void;
}) {
  const id = (name: string) => `consultation-${props.item.id}-${name}`;
  const [reviewing, setReviewing] = createSignal(false);
  let textarea: HTMLTextAreaElement | undefined;
  onMount(() => textarea?.focus());
  const send = createAction(async () => {
    try {
      const answered = await answer(
        api.tenants[':tenantId'].consultations[':consultationId'].answer.$post({
          param: { tenantId: props.tenantId, consultationId: props.item.id },
          json: { answer: textarea?.value ?? '' },
        }),
      );
      props.onDone(answered);
    } catch (error) {
      setReviewing(false);
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) props.onGone(error);
      else throw error;
    }
  });
  const asker = () => unitLabel(props.item.askingUnitName, props.item.askingTenantId, props.province);
  const problem = () => send.problem('answer');
  return (
    <form
      class="card stack-form action-form"
      data-testid="consultation-answer-form"
      aria-labelledby={id('title')}
      onSubmit={(event) => {
        event.preventDefault();
        setReviewing(true);
        // The question is read next: keyboard and screen-reader users land on its answer.
        document.getElementById(id('send'))?.focus();
      }}
    >
      <h2 id={id('title')}>{fill('consultationAnswerHeading', { code: props.item.dossierCode })}</h2>
      <dl class="facts">
        <dt>{t('consultationAskingUnit')}</dt>
        <dd>{asker()}</dd>
        <dt>{t('consultationStep')}</dt>
        <dd>{props.item.stepName}</dd>
        <dt>{t('consultationQuestion')}</dt>
        <dd>{props.item.question ?? '—'}</dd>
        <dt>{t('consultationDue')}</dt>
        <dd>
          <DueCell item={props.item} />
        </dd>
      </dl>
      <div class="field">
        <label for={id('text')}>
          {t('consultationAnswerLabel')}
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          ref={textarea}
          id={id('text')}
          name="answer"
          rows={4}
          maxLength={4000}
          required
          readOnly={reviewing()}
          aria-invalid={problem() ? 'true' : undefined}
          aria-describedby={[id('hint'), problem() && id('problem')].filter(Boolean).join(' ')}
        />
        <p id={id('hint')} class="hint">
          {t('consultationAnswerHint')}
        </p>
        <Show when={problem()}>
          <p id={id('problem')} class="field-problem">
            {problem()}
          </p>
        </Show>
      </div>
      <Show when={send.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <Show
        when={reviewing()}
        fallback={
          <div class="button-row">
            <button type="submit" class="primary">
              {t('consultationReview')}
            </button>
            <button type="button" onClick={() => props.onCancel()}>
              {t('cancel')}
            </button>
          </div>
        }
      >
        <div role="alertdialog" aria-labelledby={id('confirm')} class="note" data-testid="consultation-confirm">
          <p id={id('confirm')}>{fill('consultationConfirmQuestion', { unit: asker() })}</p>
          <div class="button-row">
            <button id={id('send')} type="button" class="primary" disabled={send.busy()} onClick={() => void send.run()}>
              {send.busy() ? t('saving') : t('consultationSend')}
            </button>
            <button type="button" disabled={send.busy()} onClick={() => setReviewing(false)}>
              {t('consultationEdit')}
            </button>
          </div>
        </div>
      </Show>
    </form>
  );
}
