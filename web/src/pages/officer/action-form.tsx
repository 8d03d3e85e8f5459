import { vietnamInstant } from '@gov/calendar';
import type { DossierAction } from '@gov/domain';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { answer, api, errorText, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { t, type MessageKey } from '../../i18n/index.js';
import type { DossierDetail } from './types.js';

/** The button label of each officer action (the citizen's two never reach this page). */
export const ACTION_LABEL: Partial<Record<DossierAction, MessageKey>> = {
  accept: 'officerActAccept',
  refuse: 'officerActRefuse',
  requestSupplement: 'officerActRequestSupplement',
  assign: 'officerActAssign',
  forward: 'officerActForward',
  returnToPrevious: 'officerActReturnToPrevious',
  handOver: 'officerActHandOver',
  approve: 'officerActApprove',
  requestFee: 'officerActRequestFee',
  recordPayment: 'officerActRecordPayment',
  recordApology: 'officerActRecordApology',
  returnResult: 'officerActReturnResult',
  stop: 'officerActStop',
};

/** Drops empty optional text so the API's "at least one character" rule applies only to what was typed. */
const text = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);

/** The action's input as services/domain/src/dossier/actions.ts defines it; the API fills `actor`. */
function inputOf(action: DossierAction, v: Record<string, string>, form: HTMLFormElement): Record<string, unknown> {
  switch (action) {
    case 'refuse':
    case 'returnToPrevious':
    case 'stop':
      return { reason: v.reason ?? '' };
    case 'requestSupplement':
      return {
        reason: v.reason ?? '',
        items: (v.items ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'assign':
      return { assigneeUserId: v.assigneeUserId ?? '' };
    case 'approve':
      return { note: text(v.note), signed: (form.elements.namedItem('signed') as HTMLInputElement | null)?.checked ?? false, outcome: text(v.outcome) };
    case 'forward':
      return { note: text(v.note), outcome: text(v.outcome) };
    case 'requestFee':
      return { amountVnd: Number((v.amountVnd ?? '').replace(/[.\s]/g, '')), description: v.description ?? '' };
    case 'recordPayment':
      return { reference: v.reference ?? '' };
    case 'recordApology':
      // The new date is a working day's end in Vietnam time (17:00, UTC+7).
      return { reason: v.reason ?? '', newDueAt: v.newDueDate ? vietnamInstant(`${v.newDueDate}T17:00`).toISOString() : '' };
    case 'returnResult':
      return { method: v.method ?? 'in_person' };
    default:
      return { note: text(v.note) };
  }
}

/**
 * One action's form: only the fields the action takes; on refusal the API's own reason is shown
 * (and per-field problems beside their fields). A result document, if chosen, is attached
 * (purpose `result`) before the result is returned.
 */
export function ActionForm(props: {
  tenantId: string;
  detail: DossierDetail;
  action: DossierAction;
  onDone: (action: DossierAction) => void;
  onCancel: () => void;
}) {
  const id = (name: string) => `act-${props.action}-${name}`;
  const [resultFile, setResultFile] = createSignal<File | null>(null);
  const act = createAction(async (event: SubmitEvent) => {
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(event);
    const dossierId = props.detail.dossier.id;
    const dossier = api.tenants[':tenantId'].dossiers[':dossierId'];
    const file = resultFile();
    if (props.action === 'returnResult' && file) {
      const upload = new FormData();
      upload.set('purpose', 'result');
      upload.append('ket-qua', file, file.name);
      await answer(dossier.files.$post({ param: { tenantId: props.tenantId, dossierId } }, { init: { body: upload } }));
    }
    const json = inputOf(props.action, values, form) as Body<(typeof dossier.actions)[':action']['$post']>;
    await answer(dossier.actions[':action'].$post({ param: { tenantId: props.tenantId, dossierId, action: props.action }, json }));
    props.onDone(props.action);
  });
  const label = () => t(ACTION_LABEL[props.action] ?? 'officerActForward');
  let formRef: HTMLFormElement | undefined;
  // Keyboard and screen-reader users land in the form they opened.
  onMount(() => formRef?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  const problem = (field: string) => act.problem(field);
  // A step that branches by the officer's choice is completed with one of its named outcomes.
  const outcomes = () => (['forward', 'approve'].includes(props.action) ? (props.detail.currentStep?.outcomes ?? []) : []);
  return (
    <form
      ref={formRef}
      class="card stack-form action-form"
      data-testid={`action-form-${props.action}`}
      aria-labelledby={id('title')}
      onSubmit={(event) => void act.run(event)}
    >
      <h3 id={id('title')}>{label()}</h3>
      <Show when={outcomes().length > 0}>
        <fieldset class="outcomes" data-testid="action-outcomes">
          <legend>
            {t('officerOutcome')}
            <span class="req" aria-hidden="true">
              {' '}
              *
            </span>
          </legend>
          <For each={outcomes()}>
            {(o) => (
              <div class="check-field">
                <input id={id(`outcome-${o.key}`)} name="outcome" type="radio" value={o.key} required />
                <label for={id(`outcome-${o.key}`)}>{o.label}</label>
              </div>
            )}
          </For>
        </fieldset>
      </Show>
      <Switch>
        <Match when={['refuse', 'returnToPrevious', 'stop'].includes(props.action)}>
          <Field id={id('reason')} name="reason" label={t('officerReason')} required maxLength={2000} problem={problem('reason')} />
        </Match>
        <Match when={props.action === 'requestSupplement'}>
          <Field id={id('reason')} name="reason" label={t('officerReason')} required maxLength={2000} problem={problem('reason')} />
          <div class="field">
            <label for={id('items')}>
              {t('officerSupplementItems')}
              <span class="req" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea id={id('items')} name="items" rows={3} required aria-describedby={`${id('items')}-hint`} />
            <p id={`${id('items')}-hint`} class="hint">
              {t('officerSupplementItemsHint')}
            </p>
          </div>
        </Match>
        <Match when={props.action === 'assign'}>
          <SelectField id={id('assignee')} name="assigneeUserId" label={t('officerAssignee')} required problem={problem('assigneeUserId')}>
            <option value="">{t('officerChoose')}</option>
            <For each={props.detail.assignees}>{(a) => <option value={a.userId}>{a.fullName}</option>}</For>
          </SelectField>
        </Match>
        <Match when={props.action === 'approve'}>
          <Field id={id('note')} name="note" label={t('officerNote')} maxLength={2000} />
          <div class="check-field">
            <input id={id('signed')} name="signed" type="checkbox" />
            <label for={id('signed')}>{t('officerSigned')}</label>
          </div>
        </Match>
        <Match when={props.action === 'requestFee'}>
          <Field id={id('amount')} name="amountVnd" label={t('officerFeeAmount')} inputmode="numeric" required problem={problem('amountVnd')} />
          <Field id={id('description')} name="description" label={t('officerFeeDescription')} required maxLength={2000} problem={problem('description')} />
        </Match>
        <Match when={props.action === 'recordPayment'}>
          <Field id={id('reference')} name="reference" label={t('officerPaymentReference')} required maxLength={2000} problem={problem('reference')} />
        </Match>
        <Match when={props.action === 'recordApology'}>
          <Field id={id('reason')} name="reason" label={t('officerApologyReason')} required maxLength={2000} problem={problem('reason')} />
          <Field id={id('date')} name="newDueDate" type="date" label={t('officerApologyNewDate')} required problem={problem('newDueAt')} />
        </Match>
        <Match when={props.action === 'returnResult'}>
          <SelectField id={id('method')} name="method" label={t('officerReturnMethod')} required>
            <option value="in_person">{t('officerReturnInPerson')}</option>
            <option value="online">{t('officerReturnOnline')}</option>
            <option value="postal">{t('officerReturnPostal')}</option>
          </SelectField>
          <div class="field">
            <label for={id('file')}>{t('officerResultFile')}</label>
            <input
              id={id('file')}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png"
              aria-describedby={`${id('file')}-hint`}
              onChange={(e) => setResultFile(e.currentTarget.files?.[0] ?? null)}
            />
            <p id={`${id('file')}-hint`} class="hint">
              {t('officerResultFileHint')}
            </p>
          </div>
        </Match>
        <Match when={true}>
          <Field id={id('note')} name="note" label={t('officerNote')} maxLength={2000} />
        </Match>
      </Switch>
      <Show when={act.error()}>
        <p role="alert" class="error">
          {errorText(act.error(), t('actionFailed'))}
        </p>
      </Show>
      <div class="button-row">
        <button type="submit" class="primary" disabled={act.busy()}>
          {act.busy() ? t('saving') : t('officerConfirm')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
