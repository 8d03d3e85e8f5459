import { useSearchParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { answer, api } from '../../api.js';
import { LoadFailed } from '../../components/load-state.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';
import { ProvinceSelect } from '../portal/province-select.js';
import '../portal/portal.css';

/**
 * Published answers to feedback (công khai kết quả trả lời): what was asked and answered, by which
 * unit and when, only where the author agreed; never who asked.
 */
export default function AnsweredFeedbackPage() {
  const [params, setParams] = useSearchParams<{ tenantId?: string }>();
  const [list, { refetch }] = createResource(
    () => params.tenantId || null,
    (tenantId) => answer(api.public.provinces[':tenantId'].feedback.$get({ param: { tenantId }, query: { pageSize: '50' } })),
  );
  return (
    <section aria-labelledby="feedback-answered-heading" class="portal">
      <h1 id="feedback-answered-heading">{t('feedbackAnsweredHeading')}</h1>
      <p>{t('feedbackAnsweredIntro')}</p>
      <ProvinceSelect id="feedback-answered-province" value={params.tenantId ?? ''} onChange={(tenantId) => setParams({ tenantId })} />
      <Switch>
        <Match when={list.state === 'errored'}>
          <LoadFailed error={list.error as unknown} retry={() => void refetch()} />
        </Match>
        <Match when={list()}>
          {(page) => (
            <Show when={page().items.length > 0} fallback={<p class="muted">{t('feedbackAnsweredNone')}</p>}>
              <ul class="feedback-list" data-testid="answered-feedback">
                <For each={page().items}>
                  {(item) => (
                    <li>
                      <article aria-labelledby={`feedback-${item.id}`}>
                        <h2 id={`feedback-${item.id}`} class="portal-subheading">
                          {fill('feedbackAnsweredBy', { unit: item.unitName, date: formatDate(item.answeredAt) })}
                        </h2>
                        <p>{item.content}</p>
                        <p>
                          <strong>{t('feedbackAnswerLabel')}:</strong> {item.answer}
                        </p>
                      </article>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
