import { A, useParams } from '@solidjs/router';
import type { DossierAction } from '@gov/domain';
import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, ApiError } from '../../api.js';
import { FormLinks } from '../../components/form-links.js';
import { DossierPaymentsCard } from '../../components/online-payment.js';
import { feePending, PaymentQrCard } from '../../components/payment-qr.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { LoadOne } from '../../components/load-state.js';
import { fill, t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { ACTION_LABEL, ActionForm } from './action-form.js';
import { channelLabel, DeadlineBadge, StatusBadge } from './badges.js';
import { DossierConsultations } from './dossier-consultations.js';
import { Timeline } from './timeline.js';
import { dossierApi, type DossierDetail, type DossierFile } from './types.js';
import './officer.css';

/** Chi tiết hồ sơ: applicant, procedure, status, deadlines, files, history and the actions allowed now. */
export default function DossierPage() {
  const params = useParams<{ tenantId: string; dossierId: string }>();
  return <RequireConsole allowed={() => can('read', 'Dossier')}>{() => <Dossier tenantId={params.tenantId} dossierId={params.dossierId} />}</RequireConsole>;
}

function Dossier(props: { tenantId: string; dossierId: string }) {
  const [detail, { refetch }] = createResource(
    () => [props.tenantId, props.dossierId] as const,
    ([tenantId, dossierId]) => answer(api.tenants[':tenantId'].dossiers[':dossierId'].$get({ param: { tenantId, dossierId } })),
  );
  const [open, setOpen] = createSignal<DossierAction | null>(null);
  const [done, setDone] = createSignal<DossierAction | null>(null);
  const finished = (action: DossierAction) => {
    setOpen(null);
    setDone(action);
    void refetch();
  };
  // The action just taken may have sent the dossier out of this officer's units (a hand-over, a
  // hand-back): the reload is then refused, which is the expected outcome, not a failure.
  const leftScope = () => done() !== null && detail.error instanceof ApiError && (detail.error.status === 403 || detail.error.status === 404);
  return (
    <>
      <p role="status" class="notice">
        <Show when={done()}>
          {(action) => (
            <>
              {t('officerActionDone')}: {t(ACTION_LABEL[action()] ?? 'officerActForward')}
            </>
          )}
        </Show>
      </p>
      <Show
        when={!leftScope()}
        fallback={
          <p data-testid="dossier-left">
            {t('officerDossierLeft')} <A href="/officer/inbox">{t('officerBackToInbox')}</A>
          </p>
        }
      >
        <LoadOne data={detail} retry={() => void refetch()}>
          {(d) => (
            <article aria-labelledby="dossier-heading" class="dossier">
              <header class="dossier-head">
                <h1 id="dossier-heading">
                  {t('officerDossier')}{' '}
                  <span class="mono" data-testid="dossier-code">
                    {d().dossier.code}
                  </span>
                </h1>
                <StatusBadge status={d().dossier.nationalStatus} />
                <DeadlineBadge overdue={d().dossier.overdueAt !== null} nearDue={false} />
                <Show when={d().dossier.archivedAt}>
                  <span class="badge" data-testid="archived-badge">
                    {t('archivedBadge')}
                  </span>
                </Show>
                <A class="link-button receipt-link" href={`/officer/dossiers/${props.tenantId}/${props.dossierId}/receipt`}>
                  {t('officerReceiptLink')}
                </A>
              </header>
              <div class="dossier-grid">
                <section aria-labelledby="d-general" class="card">
                  <h2 id="d-general">{t('officerGeneral')}</h2>
                  <dl class="facts">
                    <dt>{t('officerProcedure')}</dt>
                    <dd>{d().procedure ? `${d().procedure!.name} (${d().procedure!.code})` : '—'}</dd>
                    <dt>{t('officerCurrentStep')}</dt>
                    <dd data-testid="current-step">{d().currentStep?.name ?? '—'}</dd>
                    <dt>{t('officerChannel')}</dt>
                    <dd>{channelLabel(d().dossier.channel)}</dd>
                    <dt>{t('officerReceivedAt')}</dt>
                    <dd>{formatDateTime(d().dossier.receivedAt)}</dd>
                    <dt>{t('officerPromisedAt')}</dt>
                    <dd>{d().dossier.dueAt ? formatDateTime(d().dossier.dueAt!) : '—'}</dd>
                    <Show when={d().openTasks[0]?.dueAt}>
                      {(due) => (
                        <>
                          <dt>{t('officerStepDue')}</dt>
                          <dd>{formatDateTime(due())}</dd>
                        </>
                      )}
                    </Show>
                  </dl>
                </section>
                <section aria-labelledby="d-applicant" class="card">
                  <h2 id="d-applicant">{t('officerApplicant')}</h2>
                  <dl class="facts">
                    <dt>{t('officerFullName')}</dt>
                    <dd>{d().dossier.applicantName}</dd>
                    <Show when={d().dossier.applicantIdSuffix}>
                      {(suffix) => (
                        <>
                          <dt>{t('officerCitizenId')}</dt>
                          <dd class="mono">••••••••{suffix()}</dd>
                        </>
                      )}
                    </Show>
                    <Show when={d().dossier.applicantPhone}>
                      {(phone) => (
                        <>
                          <dt>{t('officerPhone')}</dt>
                          <dd>{phone()}</dd>
                        </>
                      )}
                    </Show>
                    <Show when={d().dossier.applicantEmail}>
                      {(email) => (
                        <>
                          <dt>{t('officerEmail')}</dt>
                          <dd>{email()}</dd>
                        </>
                      )}
                    </Show>
                  </dl>
                </section>
              </div>
              <Show when={feePending(d().events)}>
                <PaymentQrCard tenantId={props.tenantId} dossierId={props.dossierId} />
              </Show>
              <DossierPaymentsCard tenantId={props.tenantId} dossierId={props.dossierId} />
              <section aria-labelledby="d-actions" class="card actions-card" data-testid="actions">
                <h2 id="d-actions">{t('officerActions')}</h2>
                <Show when={d().allowedActions.length > 0} fallback={<p class="muted">{t('officerNoActions')}</p>}>
                  <div class="action-buttons" role="group" aria-labelledby="d-actions">
                    <For each={d().allowedActions.filter((action) => ACTION_LABEL[action])}>
                      {(action) => (
                        <button
                          type="button"
                          aria-expanded={open() === action}
                          aria-controls={`action-panel`}
                          onClick={() => setOpen(open() === action ? null : action)}
                        >
                          {t(ACTION_LABEL[action]!)}
                        </button>
                      )}
                    </For>
                  </div>
                </Show>
                <div id="action-panel">
                  <Show when={open()} keyed>
                    {(action) => <ActionForm tenantId={props.tenantId} detail={d()} action={action} onDone={finished} onCancel={() => setOpen(null)} />}
                  </Show>
                </div>
              </section>
              <DossierConsultations tenantId={props.tenantId} dossierId={props.dossierId} version={d()} />
              <section aria-labelledby="d-files" class="card">
                <h2 id="d-files">{t('officerComponents')}</h2>
                <Show when={d().dossier.archivedAt}>
                  <p class="note" data-testid="archived-files-note">
                    {t('archivedFilesNote')}
                  </p>
                </Show>
                <Files detail={d()} />
              </section>
              <FormLinks
                class="card"
                dossierPath={dossierApi(props.tenantId, props.dossierId)}
                eventKinds={d().events.map((e) => e.kind)}
                offer={['01', '02', '03', '04', '05']}
              />
              <section aria-labelledby="d-history" class="card">
                <h2 id="d-history">{t('officerTimeline')}</h2>
                <Timeline detail={d()} />
              </section>
            </article>
          )}
        </LoadOne>
      </Show>
    </>
  );
}

const size = (bytes: number) => (bytes >= 1_048_576 ? `${formatNumber(bytes / 1_048_576, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);

/** Components of the procedure with their files, then supplement and result files. */
function Files(props: { detail: DossierDetail }) {
  const filesOf = (code: string) => props.detail.files.filter((f) => f.purpose === 'intake' && f.componentCode === code);
  const later = () => props.detail.files.filter((f) => f.purpose !== 'intake');
  const link = (file: DossierFile) => (
    <li>
      <a href={file.path} download={file.fileName}>
        {file.fileName}
      </a>{' '}
      <span class="muted">({size(file.sizeBytes)})</span>
      {/* Taken from the citizen's data store: where it was first handed in (docs/domain/citizen-data-store.md). */}
      <Show when={file.reusedFrom}>
        {(code) => (
          <span class="cell-sub" data-testid="reused-from">
            {fill('storeReusedFrom', { code: code() })}
          </span>
        )}
      </Show>
    </li>
  );
  return (
    <>
      <ul class="component-list" data-testid="components">
        <For each={props.detail.procedure?.components ?? []}>
          {(component) => (
            <li>
              <span class="cell-main">
                {component.name}
                <Show when={component.required}>
                  {' '}
                  <span class="muted">({t('required')})</span>
                </Show>
              </span>
              <Show when={filesOf(component.code).length > 0} fallback={<span class="cell-sub">{t('officerNoFile')}</span>}>
                <ul class="file-list">
                  <For each={filesOf(component.code)}>{link}</For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={later().length > 0}>
        <h3>{t('officerLaterFiles')}</h3>
        <ul class="file-list">
          <For each={later()}>
            {(file) => (
              <>
                <span class="cell-sub">{file.purpose === 'result' ? t('officerResultFileKind') : t('officerSupplementFileKind')}</span>
                {link(file)}
              </>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
