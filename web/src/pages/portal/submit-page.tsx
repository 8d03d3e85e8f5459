import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, ApiError, errorText } from '../../api.js';
import { createAction } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { RequireAccess } from '../../components/require-console.js';
import { t } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { formText, rememberProvince, type Receipt } from './portal-api.js';
import { ReceiptView } from './receipt-view.js';
import { ComponentFiles, createStoredDocuments, reusedDocuments } from './component-files.js';
import './portal.css';

/** Nộp hồ sơ trực tuyến: the signed-in citizen files with one file per component. */
export default function SubmitPage() {
  const params = useParams<{ tenantId: string; code: string }>();
  return (
    <section aria-labelledby="portal-submit-heading" class="portal">
      <h1 id="portal-submit-heading">{t('portalSubmitHeading')}</h1>
      <RequireAccess allowed={() => session()?.user.kind === 'citizen'} refusal={t('portalCitizenOnly')}>
        <Show when={session()}>
          {(s) => <SubmitForm tenantId={params.tenantId} code={params.code} userId={s().user.userId} displayName={s().user.displayName} />}
        </Show>
      </RequireAccess>
    </section>
  );
}

// One key per filled-in form: a retry after a lost answer replays the stored dossier instead of
// filing a second one. After a refusal (4xx) nothing was stored, so the next attempt gets a new key.
const newKey = () => `portal-${crypto.randomUUID()}`;

function SubmitForm(props: { tenantId: string; code: string; userId: string; displayName: string }) {
  const [detail, { refetch }] = createResource(() =>
    answer(api.public.provinces[':tenantId'].procedures[':code'].$get({ param: { tenantId: props.tenantId, code: props.code } })),
  );
  const [caseCode, setCaseCode] = createSignal<string | null>(null);
  const [receipt, setReceipt] = createSignal<Receipt | null>(null);
  const stored = createStoredDocuments();
  let key = newKey();
  const chosenCase = createMemo(() => {
    const cases = detail()?.procedure.cases ?? [];
    return cases.find((c) => c.code === caseCode()) ?? cases[0];
  });
  const submit = createAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => formText(data, name);
    const dossier = {
      procedureCode: props.code,
      caseCode: chosenCase()?.code,
      channel: 'online',
      receivingUnitId: text('receivingUnitId') || undefined,
      applicant: { fullName: text('fullName'), citizenId: text('citizenId'), phone: text('phone') || undefined, email: text('email') || undefined },
      note: text('note') || undefined,
      reuse: reusedDocuments(data, chosenCase()?.components ?? []),
    };
    const body = new FormData();
    body.set('dossier', JSON.stringify(dossier));
    for (const component of chosenCase()?.components ?? []) {
      for (const file of data.getAll(`file-${component.code}`)) if (file instanceof File && file.size > 0) body.append(component.code, file, file.name);
    }
    try {
      const intake = api.tenants[':tenantId'].dossiers.$post({ param: { tenantId: props.tenantId } }, { headers: { 'Idempotency-Key': key }, init: { body } });
      const result = await answer(intake);
      rememberProvince(props.userId, props.tenantId);
      setReceipt(result.receipt);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) key = newKey();
      throw error;
    }
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit.run(event.currentTarget as HTMLFormElement);
  };
  return (
    <Switch>
      <Match when={receipt()}>{(r) => <ReceiptView receipt={r()} />}</Match>
      <Match when={detail.state === 'errored'}>
        <div role="alert" class="error">
          {errorText(detail.error, t('loadFailed'))}{' '}
          <button type="button" class="link-button" onClick={() => void refetch()}>
            {t('retry')}
          </button>
        </div>
      </Match>
      <Match when={detail()}>
        {(d) => (
          <form
            class="stack-form portal-form"
            data-testid="submit-form"
            onSubmit={onSubmit}
            aria-describedby={submit.error() ? 'portal-submit-error' : undefined}
          >
            <p class="portal-procedure-name">
              <strong>{d().procedure.name}</strong> ({d().procedure.code})
            </p>
            <Show when={d().procedure.cases.length > 1}>
              <SelectField id="portal-case" name="caseCode" label={t('portalCase')} onChange={(e) => setCaseCode(e.currentTarget.value)}>
                <For each={d().procedure.cases}>{(c) => <option value={c.code}>{c.name}</option>}</For>
              </SelectField>
            </Show>
            <SelectField
              id="portal-receiving-unit"
              name="receivingUnitId"
              label={t('portalReceivingUnit')}
              required
              problem={submit.problem('receivingUnitId')}
            >
              <For each={d().receivingUnits}>{(u) => <option value={u.id}>{u.name}</option>}</For>
            </SelectField>
            <fieldset>
              <legend>{t('portalApplicant')}</legend>
              <Field
                id="portal-full-name"
                name="fullName"
                label={t('portalFullName')}
                required
                autocomplete="name"
                value={props.displayName}
                problem={submit.problem('applicant.fullName')}
              />
              <Field
                id="portal-citizen-id"
                name="citizenId"
                label={t('portalCitizenId')}
                hint={t('portalCitizenIdHint')}
                required
                inputmode="numeric"
                maxLength={12}
                problem={submit.problem('applicant.citizenId')}
              />
              <Field id="portal-phone" name="phone" label={t('portalPhone')} type="tel" autocomplete="tel" problem={submit.problem('applicant.phone')} />
              <Field id="portal-email" name="email" label={t('portalEmail')} type="email" autocomplete="email" problem={submit.problem('applicant.email')} />
            </fieldset>
            <fieldset>
              <legend>{t('portalFiles')}</legend>
              <p class="hint">{t('portalFilesHint')}</p>
              <For each={chosenCase()?.components ?? []}>{(component) => <ComponentFiles component={component} documents={stored} />}</For>
            </fieldset>
            <div class="field">
              <label for="portal-note">{t('portalNote')}</label>
              <textarea id="portal-note" name="note" maxLength={2000} rows={3} />
            </div>
            <Show when={submit.error()}>
              {(e) => (
                <p id="portal-submit-error" role="alert" class="error">
                  {errorText(e(), t('actionFailed'))}
                </p>
              )}
            </Show>
            <button type="submit" class="primary" disabled={submit.busy()}>
              {submit.busy() ? t('portalSending') : t('portalSend')}
            </button>
          </form>
        )}
      </Match>
      <Match when={detail.loading}>
        <p aria-busy="true" class="muted">
          {t('loading')}
        </p>
      </Match>
    </Switch>
  );
}
