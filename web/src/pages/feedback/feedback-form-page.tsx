import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText, type Body } from '../../api.js';
import { createAction } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { fill } from '../ministry/types.js';
import { formText } from '../portal/portal-api.js';
import { ProvinceSelect } from '../portal/province-select.js';
import '../portal/portal.css';

type SendFeedback = Body<(typeof api.tenants)[':tenantId']['feedback']['$post']>;

/**
 * Gửi phản ánh, kiến nghị: about a procedure (from its page), a dossier (from "Hồ sơ của tôi") or
 * a unit chosen here. A signed-in citizen is answered through their account; anyone else leaves a
 * name with a phone or an email, which the API requires (and says so in Vietnamese when missing).
 */
export default function FeedbackFormPage() {
  const [params] = useSearchParams<{ tenantId?: string; procedure?: string; dossier?: string; label?: string }>();
  const [tenantId, setTenantId] = createSignal(params.tenantId ?? '');
  const citizen = () => session()?.user.kind === 'citizen';
  const fixedSubject = () => Boolean(params.procedure || params.dossier);
  const [units] = createResource(
    () => (fixedSubject() ? null : tenantId() || null),
    (id) => answer(api.public.provinces[':tenantId']['receiving-units'].$get({ param: { tenantId: id } })),
  );
  const [sent, setSent] = createSignal<string | null>(null);
  const send = createAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const about: SendFeedback['about'] = params.dossier
      ? { subject: 'dossier', dossierId: params.dossier }
      : params.procedure
        ? { subject: 'procedure', procedureCode: params.procedure }
        : { subject: 'unit', unitId: formText(data, 'unitId') };
    const phone = formText(data, 'phone');
    const email = formText(data, 'email');
    const name = formText(data, 'name');
    const json: SendFeedback = {
      about,
      content: formText(data, 'content'),
      publishConsent: data.get('publishConsent') === 'on',
      // Nothing left at all goes without a contact: the API then says what is missing, in one sentence.
      ...(citizen() || !(name || phone || email) ? {} : { contact: { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) } }),
    };
    const received = await answer(api.tenants[':tenantId'].feedback.$post({ param: { tenantId: tenantId() }, json }));
    setSent(formatDateTime(received.dueAt));
  });
  return (
    <section aria-labelledby="feedback-heading" class="portal">
      <h1 id="feedback-heading">{t('feedbackHeading')}</h1>
      <p id="feedback-intro">{t('feedbackIntro')}</p>
      <Switch>
        <Match when={sent()}>
          {(due) => (
            <p role="status" class="notice" data-testid="feedback-sent">
              {fill('feedbackSent', { due: due() })}
            </p>
          )}
        </Match>
        <Match when={true}>
          <form
            class="stack-form portal-form"
            aria-describedby="feedback-intro"
            onSubmit={(e) => {
              e.preventDefault();
              void send.run(e.currentTarget);
            }}
          >
            <Show when={params.label}>
              {(label) => <p class="muted">{fill(params.dossier ? 'feedbackAboutDossier' : 'feedbackAboutProcedure', { name: label() })}</p>}
            </Show>
            <Show when={!params.tenantId}>
              <ProvinceSelect id="feedback-province" value={tenantId()} onChange={setTenantId} required />
            </Show>
            <Show when={!fixedSubject()}>
              <SelectField id="feedback-unit" name="unitId" label={t('feedbackUnit')} required problem={send.problem('about.unitId')}>
                <option value="">{t('feedbackChooseUnit')}</option>
                <For each={units() ?? []}>{(u) => <option value={u.id}>{u.name}</option>}</For>
              </SelectField>
            </Show>
            <div class="field">
              <label for="feedback-content">{t('feedbackContent')}</label>
              <textarea id="feedback-content" name="content" rows={6} maxLength={4000} required aria-describedby="feedback-content-hint" />
              <p id="feedback-content-hint" class="hint">
                {t('feedbackContentHint')}
              </p>
            </div>
            <Show when={!citizen()}>
              <fieldset aria-describedby="feedback-contact-hint">
                <legend>{t('feedbackContactLegend')}</legend>
                <p id="feedback-contact-hint" class="hint">
                  {t('feedbackContactHint')}
                </p>
                <Field id="feedback-name" name="name" label={t('feedbackName')} autocomplete="name" problem={send.problem('contact.name')} />
                <Field id="feedback-phone" name="phone" type="tel" label={t('feedbackPhone')} autocomplete="tel" problem={send.problem('contact.phone')} />
                <Field id="feedback-email" name="email" type="email" label={t('feedbackEmail')} autocomplete="email" problem={send.problem('contact.email')} />
              </fieldset>
            </Show>
            <label class="checkbox">
              <input type="checkbox" name="publishConsent" /> {t('feedbackConsent')}
            </label>
            <Show when={send.error()}>
              {(e) => (
                <p role="alert" class="error">
                  {errorText(e(), t('actionFailed'))}
                </p>
              )}
            </Show>
            <button type="submit" class="primary" disabled={send.busy() || !tenantId()}>
              {send.busy() ? t('portalSending') : t('feedbackSend')}
            </button>
          </form>
        </Match>
      </Switch>
    </section>
  );
}
