import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { createAction } from '../../components/action.js';
import { FormLinks } from '../../components/form-links.js';
import { DossierPaymentsCard, PayOnlineButton } from '../../components/online-payment.js';
import { feePending, PaymentQrCard } from '../../components/payment-qr.js';
import { WithdrawForm } from './withdraw-form.js';
import { t } from '../../i18n/index.js';
import { statusText } from './my-dossiers-page.js';
import { formText, isResultFile, type DossierDetail, type DossierFile, type DossierRef } from './portal-api.js';
import { Progress } from './progress.js';
import { SurveyForm } from './survey-form.js';
import './portal.css';

/** One of the citizen's dossiers: progress step by step, a pending supplement request, the result. */
export default function MyDossierPage() {
  const params = useParams<{ tenantId: string; dossierId: string }>();
  const ref = (): DossierRef => ({ tenantId: params.tenantId, dossierId: params.dossierId });
  const [detail, { refetch }] = createResource(ref, (param) => answer(api.tenants[':tenantId'].dossiers[':dossierId'].$get({ param })));
  // The step-by-step view is the public lookup's (no personal data), opened with the receipt's token.
  const [status, { refetch: refetchStatus }] = createResource(ref, async (param) => {
    const receipt = await answer(api.tenants[':tenantId'].dossiers[':dossierId'].receipt.$get({ param }));
    return answer(api.public['dossier-status'][':token'].$get({ param: { token: receipt.statusLookup.token } }));
  });
  const reload = () => {
    void refetch();
    void refetchStatus();
  };
  return (
    <section aria-labelledby="portal-dossier-heading" class="portal">
      <p>
        <A href="/portal/my-dossiers">← {t('portalMyHeading')}</A>
      </p>
      <h1 id="portal-dossier-heading">
        {t('portalDetailHeading')} <Show when={detail()}>{(d) => <span class="mono">{d().dossier.code}</span>}</Show>
      </h1>
      <Switch>
        <Match when={detail.state === 'errored'}>
          <div role="alert" class="error">
            {errorText(detail.error, t('loadFailed'))}{' '}
            <button type="button" class="link-button" onClick={reload}>
              {t('retry')}
            </button>
          </div>
        </Match>
        <Match when={detail()}>{(d) => <Dossier dossier={ref()} detail={d()} onChanged={reload} />}</Match>
        <Match when={detail.loading}>
          <p aria-busy="true" class="muted">
            {t('loading')}
          </p>
        </Match>
      </Switch>
      <Switch>
        <Match when={status.state === 'errored'}>
          <p role="alert" class="error">
            {errorText(status.error, t('loadFailed'))}
          </p>
        </Match>
        <Match when={status()}>{(s) => <Progress status={s()} />}</Match>
      </Switch>
    </section>
  );
}

function Dossier(props: { dossier: DossierRef; detail: DossierDetail; onChanged: () => void }) {
  const d = () => props.detail;
  const supplementAllowed = () => (d().allowedActions ? d().allowedActions.includes('submitSupplement') : d().dossier.nationalStatus === 5);
  const request = () => [...d().events].reverse().find((e) => e.kind === 'supplement_requested')?.content as { reason?: string; items?: string[] } | undefined;
  const results = () => d().files.filter(isResultFile);
  const filed = () => d().files.filter((f) => !isResultFile(f));
  const withdrawAllowed = () => d().allowedActions?.includes('withdraw') ?? false;
  const [notice, setNotice] = createSignal<'portalSupplementSent' | 'portalWithdrawn' | null>(null);
  return (
    <>
      <p data-testid="dossier-status">
        <strong>{t('portalStatus')}:</strong> {statusText(d().dossier.nationalStatus)}
      </p>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => t(key())}</Show>
      </p>
      <Show when={supplementAllowed()}>
        <SupplementForm
          dossier={props.dossier}
          reason={request()?.reason ?? ''}
          items={request()?.items ?? []}
          onDone={() => {
            setNotice('portalSupplementSent');
            props.onChanged();
          }}
        />
      </Show>
      <Show when={feePending(d().events)}>
        <PayOnlineButton tenantId={props.dossier.tenantId} dossierId={props.dossier.dossierId} />
        <PaymentQrCard tenantId={props.dossier.tenantId} dossierId={props.dossier.dossierId} />
      </Show>
      <DossierPaymentsCard tenantId={props.dossier.tenantId} dossierId={props.dossier.dossierId} />
      <Show when={d().dossier.nationalStatus === 10 && results().length > 0}>
        <section class="portal-result" aria-labelledby="portal-result-heading">
          <h2 id="portal-result-heading" class="portal-subheading">
            {t('portalResultHeading')}
          </h2>
          <FileList files={results()} testId="result-files" />
        </section>
      </Show>
      <Show when={d().dossier.nationalStatus === 10}>
        <SurveyForm dossier={props.dossier} />
      </Show>
      <Show when={filed().length > 0}>
        <h2 class="portal-subheading">{t('portalMyFiles')}</h2>
        <FileList files={filed()} testId="dossier-files" />
      </Show>
      <p>
        <A
          href={`/feedback?${new URLSearchParams({ tenantId: props.dossier.tenantId, dossier: props.dossier.dossierId, label: d().dossier.code }).toString()}`}
          data-testid="dossier-feedback"
        >
          {t('feedbackLink')}
        </A>
      </p>
      <FormLinks
        dossierPath={`/api/tenants/${props.dossier.tenantId}/dossiers/${props.dossier.dossierId}`}
        eventKinds={d().events.map((e) => e.kind)}
        offer={['01', '02', '03', '04']}
      />
      <Show when={withdrawAllowed()}>
        <WithdrawForm
          dossier={props.dossier}
          onDone={() => {
            setNotice('portalWithdrawn');
            props.onChanged();
          }}
        />
      </Show>
    </>
  );
}

function FileList(props: { files: DossierFile[]; testId: string }) {
  return (
    <ul class="portal-files" data-testid={props.testId}>
      <For each={props.files}>
        {(file) => (
          <li>
            <a href={file.path} download={file.fileName} aria-label={`${t('portalDownload')}: ${file.fileName}`}>
              {file.fileName}
            </a>
          </li>
        )}
      </For>
    </ul>
  );
}

/**
 * The applicant's answer to a supplement request: the files go up first (purpose `supplement`),
 * then the submitSupplement action restarts the clock. A retry after the upload succeeded does
 * not upload the same files again.
 */
function SupplementForm(props: { dossier: DossierRef; reason: string; items: string[]; onDone: () => void }) {
  const [uploaded, setUploaded] = createSignal(false);
  const send = createAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    if (!uploaded()) {
      const body = new FormData();
      body.set('purpose', 'supplement');
      for (const file of data.getAll('files')) if (file instanceof File && file.size > 0) body.append('bo-sung', file, file.name);
      await answer(api.tenants[':tenantId'].dossiers[':dossierId'].files.$post({ param: props.dossier }, { init: { body } }));
      setUploaded(true);
    }
    const note = formText(data, 'note');
    const json = note ? { note } : {};
    await answer(api.tenants[':tenantId'].dossiers[':dossierId'].actions[':action'].$post({ param: { ...props.dossier, action: 'submitSupplement' }, json }));
    props.onDone();
  });
  return (
    <section class="portal-supplement" aria-labelledby="portal-supplement-heading" data-testid="supplement">
      <h2 id="portal-supplement-heading" class="portal-subheading">
        {t('portalSupplementHeading')}
      </h2>
      <p>
        <strong>{t('portalSupplementReason')}:</strong> {props.reason}
      </p>
      <Show when={props.items.length > 0}>
        <p>
          <strong>{t('portalSupplementItems')}:</strong>
        </p>
        <ul>
          <For each={props.items}>{(item) => <li>{item}</li>}</For>
        </ul>
      </Show>
      <form
        class="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send.run(e.currentTarget);
        }}
      >
        <div class="field">
          <label for="portal-supplement-files">
            {t('portalSupplementFiles')}
            <span class="req" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <input
            id="portal-supplement-files"
            name="files"
            type="file"
            multiple
            required={!uploaded()}
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            aria-describedby="portal-supplement-hint"
          />
          <p id="portal-supplement-hint" class="hint">
            {t('portalFilesHint')}
          </p>
        </div>
        <div class="field">
          <label for="portal-supplement-note">{t('portalNote')}</label>
          <textarea id="portal-supplement-note" name="note" rows={2} maxLength={2000} />
        </div>
        <Show when={send.error()}>
          {(e) => (
            <p role="alert" class="error">
              {errorText(e(), t('actionFailed'))}
            </p>
          )}
        </Show>
        <button type="submit" class="primary" disabled={send.busy()}>
          {send.busy() ? t('portalSending') : t('portalSupplementSend')}
        </button>
      </form>
    </section>
  );
}
