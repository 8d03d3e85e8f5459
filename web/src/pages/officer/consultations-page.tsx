import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { answer, api, type ApiError } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { LoadFailed, loaded } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { fill, t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { ConsultationAnswerForm, type Answered } from './consultation-answer.js';
import { DueCell, unitLabel, useProvinceNames, type Consultation } from './consultation-parts.js';
import { LateConsultations } from './late-consultations.js';
import './officer.css';

/**
 * Xin ý kiến cần trả lời: the requests for an opinion addressed to the officer's units, soonest
 * due first, each answered here once (docs/domain/consultations.md); below, the late requests
 * the officer's units asked for. The API decides who answers: an officer who processes or
 * approves dossiers at the consulted unit.
 */
export default function ConsultationsPage() {
  return <RequireConsole allowed={() => can('read', 'Dossier')}>{(tenantId) => <Consultations tenantId={tenantId} />}</RequireConsole>;
}

function Consultations(props: { tenantId: string }) {
  const province = useProvinceNames();
  const [withAnswered, setWithAnswered] = createSignal(false);
  const [inbox, { refetch }] = createResource(
    () => ({ answered: withAnswered() ? ('true' as const) : ('false' as const) }),
    async (query) => (await answer(api.tenants[':tenantId'].consultations.inbox.$get({ param: { tenantId: props.tenantId }, query }))).items,
  );
  const [open, setOpen] = createSignal<Consultation | null>(null);
  const [notice, setNotice] = createSignal('');
  const [gone, setGone] = createSignal('');
  const done = (item: Consultation, answered: Answered) => {
    setOpen(null);
    setGone('');
    setNotice(fill(answered.late ? 'consultationSentLate' : 'consultationSent', { code: item.dossierCode }));
    void refetch();
  };
  const lost = (error: ApiError) => {
    setOpen(null);
    setNotice('');
    setGone(`${error.localized} ${t('consultationGone')}`);
    void refetch();
  };
  const start = (item: Consultation) => {
    setNotice('');
    setGone('');
    setOpen(open()?.id === item.id ? null : item);
  };
  return (
    <section aria-labelledby="consultations-heading">
      <h1 id="consultations-heading">{t('consultationInboxHeading')}</h1>
      <p class="muted">{t('consultationInboxIntro')}</p>
      <p role="status" class="notice" data-testid="consultation-notice">
        {notice()}
      </p>
      <Show when={gone()}>
        <p role="alert" class="error" data-testid="consultation-gone">
          {gone()}
        </p>
      </Show>
      <div class="check-field">
        <input id="consultations-answered" type="checkbox" checked={withAnswered()} onChange={(e) => setWithAnswered(e.currentTarget.checked)} />
        <label for="consultations-answered">{t('consultationShowAnswered')}</label>
      </div>
      <Switch>
        <Match when={inbox.state === 'errored'}>
          <LoadFailed error={inbox.error as unknown} retry={() => void refetch()} />
        </Match>
        <Match when={loaded(inbox)?.length === 0}>
          <p class="muted" data-testid="consultation-inbox-empty">
            {t('consultationInboxEmpty')}
          </p>
        </Match>
        <Match when={loaded(inbox)}>
          {(items) => (
            <DataTable
              labelledBy="consultations-heading"
              testId="consultation-inbox"
              rows={items()}
              rowTestId={(row) => `consultation-${row.dossierCode}`}
              columns={[
                { header: t('officerCode'), class: 'mono', cell: (row) => row.dossierCode },
                {
                  header: t('officerProcedure'),
                  cell: (row) => (
                    <>
                      <span class="cell-main mono">{row.procedureCode}</span>
                      <span class="cell-sub">{row.stepName}</span>
                    </>
                  ),
                },
                { header: t('consultationAskingUnit'), class: 'consultation-text', cell: (row) => unitLabel(row.askingUnitName, row.askingTenantId, province) },
                { header: t('consultationQuestion'), class: 'consultation-text', cell: (row) => row.question ?? '—' },
                { header: t('consultationDue'), cell: (row) => <DueCell item={row} /> },
                {
                  header: t('consultationAnswer'),
                  class: 'consultation-text',
                  cell: (row) => (
                    <Show when={row.answer === null} fallback={<span class="cell-main">{row.answer}</span>}>
                      <button type="button" aria-expanded={open()?.id === row.id} aria-controls="consultation-answer-panel" onClick={() => start(row)}>
                        {t('consultationAnswerAction')}
                      </button>
                    </Show>
                  ),
                },
              ]}
            />
          )}
        </Match>
        <Match when={inbox.loading}>
          <p aria-busy="true" class="muted">
            {t('loading')}
          </p>
        </Match>
      </Switch>
      <div id="consultation-answer-panel">
        <Show when={open()} keyed>
          {(item) => (
            <ConsultationAnswerForm
              tenantId={props.tenantId}
              item={item}
              province={province}
              onDone={(answered) => done(item, answered)}
              onGone={lost}
              onCancel={() => setOpen(null)}
            />
          )}
        </Show>
      </div>
      <LateConsultations tenantId={props.tenantId} />
    </section>
  );
}
