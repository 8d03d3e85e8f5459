import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText, type ItemOf } from '../../api.js';
import { createAction } from '../../components/action.js';
import { LoadFailed } from '../../components/load-state.js';
import { SelectField } from '../../components/field.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDateTime } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { fill } from '../ministry/types.js';
import { formText } from '../portal/portal-api.js';
import './officer.css';

type FeedbackApi = (typeof api.tenants)[':tenantId']['feedback'];
type Item = ItemOf<FeedbackApi['$get']>;
type Status = Item['status'];

/**
 * Phản ánh, kiến nghị cần trả lời: the feedback to the officer's units (the whole province for its
 * admins), newest first, filtered by status; each open or escalated item has its answer form.
 */
export default function OfficerFeedbackPage() {
  return <RequireConsole allowed={() => can('read', 'Feedback')}>{(tenantId) => <FeedbackList tenantId={tenantId} />}</RequireConsole>;
}

function FeedbackList(props: { tenantId: string }) {
  const [status, setStatus] = createSignal<Status | ''>('open');
  const [list, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, status: status() }),
    (q) =>
      answer(api.tenants[':tenantId'].feedback.$get({ param: { tenantId: q.tenantId }, query: { pageSize: '50', ...(q.status ? { status: q.status } : {}) } })),
  );
  return (
    <section aria-labelledby="officer-feedback-heading">
      <h1 id="officer-feedback-heading">{t('feedbackOfficerHeading')}</h1>
      <SelectField
        id="officer-feedback-status"
        name="status"
        label={t('feedbackStatus')}
        value={status()}
        onChange={(e) => setStatus(e.currentTarget.value as Status | '')}
      >
        <option value="">{t('feedbackStatusAll')}</option>
        <For each={['open', 'escalated', 'answered'] as const}>{(s) => <option value={s}>{t(`feedbackStatus_${s}` as MessageKey)}</option>}</For>
      </SelectField>
      <Switch>
        <Match when={list.state === 'errored'}>
          <LoadFailed error={list.error as unknown} retry={() => void refetch()} />
        </Match>
        <Match when={list()}>
          {(page) => (
            <Show when={page().items.length > 0} fallback={<p class="muted">{t('feedbackNone')}</p>}>
              <ul class="feedback-list" data-testid="officer-feedback">
                <For each={page().items}>{(item) => <FeedbackCard tenantId={props.tenantId} item={item} onAnswered={() => void refetch()} />}</For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function FeedbackCard(props: { tenantId: string; item: Item; onAnswered: () => void }) {
  const id = () => `officer-feedback-${props.item.id}`;
  const send = createAction(async (form: HTMLFormElement) => {
    await answer(
      api.tenants[':tenantId'].feedback[':feedbackId'].answer.$post({
        param: { tenantId: props.tenantId, feedbackId: props.item.id },
        json: { answer: formText(new FormData(form), 'answer') },
      }),
    );
    props.onAnswered();
  });
  return (
    <li>
      <article aria-labelledby={id()} data-testid="feedback-item">
        <h2 id={id()} class="portal-subheading">
          {props.item.unitName} · {t(`feedbackStatus_${props.item.status}` as MessageKey)}
          <Show when={props.item.overdue}> · {t('feedbackOverdue')}</Show>
        </h2>
        <p class="muted">
          {fill('feedbackFrom', { name: props.item.authorName })} · {fill('feedbackDue', { due: formatDateTime(props.item.dueAt) })}
        </p>
        <p>{props.item.content}</p>
        <Show
          when={props.item.status !== 'answered' && can('answer', 'Feedback')}
          fallback={
            <Show when={props.item.answer}>
              <p>
                <strong>{t('feedbackAnswerLabel')}:</strong> {props.item.answer}
              </p>
            </Show>
          }
        >
          <form
            class="stack-form"
            onSubmit={(e) => {
              e.preventDefault();
              void send.run(e.currentTarget);
            }}
          >
            <div class="field">
              <label for={`${id()}-answer`}>{t('feedbackAnswerLabel')}</label>
              <textarea id={`${id()}-answer`} name="answer" rows={4} maxLength={4000} required />
            </div>
            <Show when={send.error()}>
              {(e) => (
                <p role="alert" class="error">
                  {errorText(e(), t('actionFailed'))}
                </p>
              )}
            </Show>
            <button type="submit" class="primary" disabled={send.busy()}>
              {t('feedbackAnswerSend')}
            </button>
          </form>
        </Show>
      </article>
    </li>
  );
}
