import { useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, ApiError, errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { DeclaredFieldInputs } from '../../components/declared-field-inputs.js';
import { declaredValues } from '../../components/declared-fields.js';
import { Field, SelectField } from '../../components/field.js';
import { loaded, LoadOne } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { t } from '../../i18n/index.js';
import { intakeBody, saveQueuedIntake, type QueuedFile } from '../../offline/intake-queue.js';
import { can, session } from '../../session/session.js';
import { channelLabel } from './badges.js';
import { QueuedIntakes } from './queued-intakes.js';
import './officer.css';

/** Channels a counter takes: in person, by post, or through an authorised proxy. */
const COUNTER_CHANNELS = ['in_person', 'postal', 'proxy'] as const;

/** Tiếp nhận hồ sơ tại quầy: the reception officer enters the dossier and uploads its papers. */
export default function IntakePage() {
  return <RequireConsole allowed={() => can('create', 'Dossier')}>{(tenantId) => <Intake tenantId={tenantId} />}</RequireConsole>;
}

const optional = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

function Intake(props: { tenantId: string }) {
  const navigate = useNavigate();
  const [procedures, { refetch }] = createResource(() =>
    answer(api.tenants[':tenantId']['intake-procedures'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items),
  );
  const [code, setCode] = createSignal('');
  const [caseCode, setCaseCode] = createSignal('');
  const [channel, setChannel] = createSignal<string>('in_person');
  const procedure = createMemo(() => loaded(procedures)?.find((p) => p.code === code()));
  const chosenCase = createMemo(() => procedure()?.cases.find((c) => c.code === caseCode()) ?? procedure()?.cases[0]);
  // One key per filled form: a double click, a retry after a lost answer or the offline queue's
  // later send replays the same dossier. A queued form gives the next one a new key.
  let idempotencyKey = crypto.randomUUID();
  const [queueChanged, setQueueChanged] = createSignal(0);
  const [queued, setQueued] = createSignal(false);
  const submit = createAction(async (event: SubmitEvent) => {
    setQueued(false);
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(event);
    const formData = declaredValues(new FormData(form), procedure()?.formFields ?? []);
    const dossier = {
      procedureCode: v.procedureCode,
      caseCode: chosenCase()?.code,
      channel: v.channel,
      receivingUnitId: optional(v.receivingUnitId),
      applicant: { fullName: v.fullName ?? '', citizenId: v.citizenId ?? '', phone: optional(v.phone), email: optional(v.email) },
      proxy: v.channel === 'proxy' ? { fullName: v.proxyName ?? '', citizenId: v.proxyCitizenId ?? '', authorisation: v.authorisation ?? '' } : undefined,
      note: optional(v.note),
      formData: Object.keys(formData).length > 0 ? formData : undefined,
    };
    const files: QueuedFile[] = [];
    for (const component of chosenCase()?.components ?? []) {
      const input = form.elements.namedItem(`file-${component.code}`) as HTMLInputElement | null;
      for (const file of Array.from(input?.files ?? [])) files.push({ component: component.code, name: file.name, file });
    }
    const intake = {
      idempotencyKey,
      userId: session()?.user.userId ?? '',
      tenantId: props.tenantId,
      queuedAt: new Date().toISOString(),
      applicantName: dossier.applicant.fullName,
      procedureName: procedure()?.name ?? dossier.procedureCode ?? '',
      dossier: JSON.stringify(dossier),
      files,
    };
    // Without a network the form is kept on this computer (with its key) instead of being lost;
    // the same when the request fails on the way, answered or not: the key makes a resend safe.
    const keep = async () => {
      await saveQueuedIntake(intake);
      form.reset();
      setCode('');
      setChannel('in_person');
      idempotencyKey = crypto.randomUUID();
      setQueued(true);
      setQueueChanged((n) => n + 1);
    };
    if (!navigator.onLine) return keep();
    try {
      const result = await answer(
        api.tenants[':tenantId'].dossiers.$post(
          { param: { tenantId: props.tenantId } },
          { headers: { 'Idempotency-Key': idempotencyKey }, init: { body: intakeBody(intake) } },
        ),
      );
      navigate(`/officer/dossiers/${props.tenantId}/${result.dossierId}/receipt`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) return keep();
      throw error;
    }
  });
  const problem = (path: string) => submit.problem(path);
  return (
    <section aria-labelledby="intake-heading">
      <h1 id="intake-heading">{t('officerIntakeHeading')}</h1>
      <p class="muted">{t('officerIntakeIntro')}</p>
      <Show when={session()?.user.userId}>{(userId) => <QueuedIntakes userId={userId()} changed={queueChanged} />}</Show>
      <Show when={queued()}>
        <p class="notice" role="status" data-testid="intake-queued">
          {t('offlineQueued')}
        </p>
      </Show>
      <LoadOne data={procedures} retry={() => void refetch()}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">{t('officerNoIntakeProcedures')}</p>}>
            <form class="card stack-form intake-form" data-testid="intake-form" onSubmit={(event) => void submit.run(event)}>
              <fieldset>
                <legend>{t('officerIntakeProcedure')}</legend>
                <SelectField
                  id="i-procedure"
                  name="procedureCode"
                  label={t('officerProcedure')}
                  required
                  value={code()}
                  onChange={(e) => {
                    setCode(e.currentTarget.value);
                    setCaseCode('');
                  }}
                  problem={problem('procedureCode')}
                >
                  <option value="">{t('officerChoose')}</option>
                  <For each={items()}>
                    {(p) => (
                      <option value={p.code}>
                        {p.name} ({p.code})
                      </option>
                    )}
                  </For>
                </SelectField>
                <Show when={procedure()}>
                  {(p) => (
                    <>
                      <Show when={p().cases.length > 1}>
                        <SelectField
                          id="i-case"
                          name="caseCode"
                          label={t('officerCase')}
                          value={chosenCase()?.code ?? ''}
                          onChange={(e) => setCaseCode(e.currentTarget.value)}
                        >
                          <For each={p().cases}>{(c) => <option value={c.code}>{c.name}</option>}</For>
                        </SelectField>
                      </Show>
                      <SelectField id="i-unit" name="receivingUnitId" label={t('officerReceivingUnit')} required problem={problem('receivingUnitId')}>
                        <For each={p().receivingUnits}>{(u) => <option value={u.id}>{u.name}</option>}</For>
                      </SelectField>
                    </>
                  )}
                </Show>
                <SelectField
                  id="i-channel"
                  name="channel"
                  label={t('officerChannel')}
                  required
                  value={channel()}
                  onChange={(e) => setChannel(e.currentTarget.value)}
                  problem={problem('channel')}
                >
                  <For each={COUNTER_CHANNELS}>{(c) => <option value={c}>{channelLabel(c)}</option>}</For>
                </SelectField>
              </fieldset>
              <fieldset>
                <legend>{t('officerApplicant')}</legend>
                <Field
                  id="i-name"
                  name="fullName"
                  label={t('officerFullName')}
                  required
                  autocomplete="off"
                  maxLength={200}
                  problem={problem('applicant.fullName')}
                />
                <Field
                  id="i-cccd"
                  name="citizenId"
                  label={t('officerCitizenId')}
                  required
                  inputmode="numeric"
                  maxLength={12}
                  hint={t('officerCitizenIdHint')}
                  problem={problem('applicant.citizenId')}
                />
                <Field id="i-phone" name="phone" type="tel" label={t('officerPhone')} problem={problem('applicant.phone')} />
                <Field id="i-email" name="email" type="email" label={t('officerEmail')} problem={problem('applicant.email')} />
              </fieldset>
              <Show when={procedure()} keyed>
                {(p) => <DeclaredFieldInputs idPrefix="i" fields={p.formFields} problem={problem} />}
              </Show>
              <Show when={channel() === 'proxy'}>
                <fieldset>
                  <legend>{t('officerProxy')}</legend>
                  <Field id="i-proxy-name" name="proxyName" label={t('officerFullName')} required problem={problem('proxy.fullName')} />
                  <Field
                    id="i-proxy-cccd"
                    name="proxyCitizenId"
                    label={t('officerCitizenId')}
                    required
                    inputmode="numeric"
                    maxLength={12}
                    problem={problem('proxy.citizenId')}
                  />
                  <Field id="i-proxy-doc" name="authorisation" label={t('officerAuthorisation')} required problem={problem('proxy.authorisation')} />
                </fieldset>
              </Show>
              <Show when={chosenCase()}>
                {(c) => (
                  <fieldset data-testid="intake-components">
                    <legend>{t('officerComponents')}</legend>
                    <p class="hint">{t('officerFilesHint')}</p>
                    <For each={c().components}>
                      {(component) => (
                        <div class="field">
                          <label for={`i-file-${component.code}`}>
                            {component.name}
                            <Show when={component.required}>
                              <span class="req" aria-hidden="true">
                                {' '}
                                *
                              </span>
                              <span class="visually-hidden"> ({t('required')})</span>
                            </Show>
                          </label>
                          <input
                            id={`i-file-${component.code}`}
                            name={`file-${component.code}`}
                            type="file"
                            multiple
                            accept=".pdf,.jpg,.jpeg,.png"
                            required={component.required}
                          />
                        </div>
                      )}
                    </For>
                  </fieldset>
                )}
              </Show>
              <Field id="i-note" name="note" label={t('officerNote')} maxLength={2000} />
              <Show when={submit.error()}>
                <p role="alert" class="error">
                  {errorText(submit.error(), t('actionFailed'))}
                </p>
              </Show>
              <div class="button-row">
                <button type="submit" class="primary" disabled={submit.busy()}>
                  {submit.busy() ? t('saving') : t('officerReceive')}
                </button>
              </div>
            </form>
          </Show>
        )}
      </LoadOne>
    </section>
  );
}
