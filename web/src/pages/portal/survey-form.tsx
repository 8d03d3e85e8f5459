import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText, type Answer } from '../../api.js';
import { createAction } from '../../components/action.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { formText, type DossierRef } from './portal-api.js';

type SurveyApi = (typeof api.tenants)[':tenantId']['dossiers'][':dossierId']['survey'];
export type SurveyState = Answer<SurveyApi['$get']>;

/** The four criteria of the service index, in the order the form asks them. */
const CRITERIA = [
  ['attitude', 'surveyAttitude'],
  ['timeliness', 'surveyTimeliness'],
  ['clarity', 'surveyClarity'],
  ['overall', 'surveyOverall'],
] as const satisfies readonly (readonly [string, MessageKey])[];
const SCALE: MessageKey[] = ['surveyScale1', 'surveyScale2', 'surveyScale3', 'surveyScale4', 'surveyScale5'];

/**
 * Đánh giá sự hài lòng: once the result is returned, the applicant rates the dossier once, on
 * four radio groups (native radios: arrow keys move within a group, Tab between groups) and an
 * optional comment; then a thank-you. Nothing shows while the survey is not open.
 */
export function SurveyForm(props: { dossier: DossierRef }) {
  const [state] = createResource(
    () => props.dossier,
    (param) => answer(api.tenants[':tenantId'].dossiers[':dossierId'].survey.$get({ param })),
  );
  const [thanked, setThanked] = createSignal(false);
  const send = createAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    // A criterion left unchosen goes as 0: the API names it, in Vietnamese.
    const score = (name: string) => Number(data.get(name) ?? 0);
    const comment = formText(data, 'comment');
    await answer(
      api.tenants[':tenantId'].dossiers[':dossierId'].survey.$post({
        param: props.dossier,
        json: {
          attitude: score('attitude'),
          timeliness: score('timeliness'),
          clarity: score('clarity'),
          overall: score('overall'),
          ...(comment ? { comment } : {}),
        },
      }),
    );
    setThanked(true);
  });
  return (
    <Switch>
      <Match when={thanked()}>
        <p role="status" class="notice" data-testid="survey-thanks">
          {t('surveyThanks')}
        </p>
      </Match>
      <Match when={state()?.answered}>
        <p class="muted" data-testid="survey-answered">
          {t('surveyAnswered')}
        </p>
      </Match>
      <Match when={state()?.open}>
        <section id="survey" class="portal-survey" aria-labelledby="portal-survey-heading" data-testid="survey">
          <h2 id="portal-survey-heading" class="portal-subheading">
            {t('surveyHeading')}
          </h2>
          <p id="portal-survey-intro">{t('surveyIntro')}</p>
          <form
            class="stack-form portal-form"
            aria-describedby="portal-survey-intro"
            onSubmit={(e) => {
              e.preventDefault();
              void send.run(e.currentTarget);
            }}
          >
            <For each={CRITERIA}>
              {([name, label]) => (
                <fieldset class="survey-scale" aria-describedby={send.problem(name) ? `survey-${name}-problem` : undefined}>
                  <legend>
                    {t(label)}
                    <span class="req" aria-hidden="true">
                      {' '}
                      *
                    </span>
                  </legend>
                  <For each={SCALE}>
                    {(scale, index) => (
                      <label>
                        <input type="radio" name={name} value={index() + 1} required />
                        {index() + 1} – {t(scale)}
                      </label>
                    )}
                  </For>
                  <Show when={send.problem(name)}>
                    {(problem) => (
                      <p id={`survey-${name}-problem`} class="error">
                        {problem()}
                      </p>
                    )}
                  </Show>
                </fieldset>
              )}
            </For>
            <div class="field">
              <label for="portal-survey-comment">{t('surveyComment')}</label>
              <textarea id="portal-survey-comment" name="comment" rows={3} maxLength={1000} aria-describedby="portal-survey-comment-hint" />
              <p id="portal-survey-comment-hint" class="hint">
                {t('surveyCommentHint')}
              </p>
            </div>
            <Show when={send.error()}>
              {(e) => (
                <p role="alert" class="error">
                  {errorText(e(), t('actionFailed'))}
                </p>
              )}
            </Show>
            <button type="submit" class="primary" disabled={send.busy()}>
              {send.busy() ? t('portalSending') : t('surveySend')}
            </button>
          </form>
        </section>
      </Match>
    </Switch>
  );
}
