import { For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { answer, api, ApiError, errorText, type Body } from '../../api.js';
import { createAction } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import {
  CHANNELS,
  draftOf,
  LEVELS,
  ONLINE_LEVELS,
  recordOf,
  RETENTIONS,
  retentionLabel,
  TIME_UNITS,
  type Draft,
  type ProcedureVersion,
} from './catalog-types.js';
import { CaseRows, FeeRows } from './editor-rows.js';
import { tv } from './types.js';

/**
 * Ban hành phiên bản mới (ministry admin): the base version's content in a form; publishing sends
 * the whole record, and the API keeps the old version for dossiers already filed under it. With no
 * base it adds a new procedure. Every refusal is the API's, with each field's problem beside it.
 */
export function ProcedureEditor(props: {
  base: ProcedureVersion | null;
  onDone: (published: { code: string; version: number; created: boolean } | null) => void;
}) {
  const [draft, set] = createStore<Draft>(draftOf(props.base));
  const publish = createAction(async () => {
    const response = await answer(api.catalog.procedures.$post({ json: recordOf(draft, props.base) as Body<typeof api.catalog.procedures.$post> }));
    props.onDone({ code: response.code, version: response.version, created: !props.base || response.version !== props.base.version });
  });
  const toggleChannel = (channel: Draft['channels'][number], on: boolean) => {
    set('channels', (list) => (on ? [...list, channel] : list.filter((c) => c !== channel)));
    if (on && !draft.times.some((row) => row.channel === channel)) set('times', (rows) => [...rows, { channel, amount: '5', unit: 'working_days' }]);
  };
  const problem = (path: string) => publish.problem(path);
  const fieldProblems = () => {
    const e = publish.error();
    return e instanceof ApiError ? e.fields : [];
  };
  return (
    <form
      class="card stack-form"
      aria-labelledby="editor-heading"
      data-testid="procedure-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void publish.run();
      }}
    >
      <h2 id="editor-heading">{props.base ? `${t('ministryEditVersion')}: ${props.base.code}` : t('ministryNewProcedure')}</h2>
      <Field
        id="pe-code"
        name="code"
        label={t('ministryCode')}
        value={draft.code}
        readOnly={!!props.base}
        problem={problem('code')}
        required
        hint="1.000948"
        onInput={(e) => set('code', e.currentTarget.value)}
      />
      <Field
        id="pe-name"
        name="name"
        label={t('ministryName')}
        value={draft.name}
        problem={problem('name')}
        required
        onInput={(e) => set('name', e.currentTarget.value)}
      />
      <Field
        id="pe-sector"
        name="sector"
        label={t('ministrySector')}
        value={draft.sector}
        problem={problem('sector')}
        required
        onInput={(e) => set('sector', e.currentTarget.value)}
      />
      <SelectField
        id="pe-level"
        name="level"
        label={t('ministryLevel')}
        value={draft.level}
        onChange={(e) => set('level', e.currentTarget.value as Draft['level'])}
      >
        <For each={LEVELS}>{(level) => <option value={level}>{tv('ministryLevel', level)}</option>}</For>
      </SelectField>
      <SelectField
        id="pe-online"
        name="onlineServiceLevel"
        label={t('ministryOnlineLevel')}
        value={draft.onlineServiceLevel}
        onChange={(e) => set('onlineServiceLevel', e.currentTarget.value as Draft['onlineServiceLevel'])}
      >
        <For each={ONLINE_LEVELS}>{(level) => <option value={level}>{tv('ministryOnlineLevel', level)}</option>}</For>
      </SelectField>
      <SelectField
        id="pe-retention"
        name="retentionYears"
        label={t('archiveRetention')}
        hint={t('archiveRetentionHint')}
        value={draft.retention}
        problem={problem('retentionYears')}
        onChange={(e) => set('retention', e.currentTarget.value)}
      >
        <For each={RETENTIONS}>{(years) => <option value={years}>{retentionLabel(years === '' ? null : Number(years))}</option>}</For>
      </SelectField>
      <fieldset class="editor-fieldset">
        <legend>{t('ministryChannels')}</legend>
        <div class="check-row">
          <For each={CHANNELS}>
            {(channel) => (
              <label>
                <input type="checkbox" checked={draft.channels.includes(channel)} onChange={(e) => toggleChannel(channel, e.currentTarget.checked)} />
                {tv('ministryChannel', channel)}
              </label>
            )}
          </For>
        </div>
        <Show when={problem('channels')}>{(p) => <p class="field-problem">{p()}</p>}</Show>
      </fieldset>
      <fieldset class="editor-fieldset" data-testid="editor-times">
        <legend>{t('ministryProcessingTime')}</legend>
        <ul class="editor-rows">
          <Index each={draft.times}>
            {(row, i) => (
              <Show when={draft.channels.includes(row().channel)}>
                <li class="editor-row">
                  <Field
                    id={`pe-time-${row().channel}`}
                    name={`time-${row().channel}`}
                    label={`${t('ministryAmount')} (${tv('ministryChannel', row().channel)})`}
                    inputmode="decimal"
                    value={row().amount}
                    problem={problem(`processingTime.${draft.times.filter((r) => draft.channels.includes(r.channel)).indexOf(row())}.amount`)}
                    required
                    onInput={(e) => set('times', i, 'amount', e.currentTarget.value)}
                  />
                  <SelectField
                    id={`pe-unit-${row().channel}`}
                    name={`unit-${row().channel}`}
                    label={t('ministryTimeUnit')}
                    value={row().unit}
                    onChange={(e) => set('times', i, 'unit', e.currentTarget.value as Draft['times'][number]['unit'])}
                  >
                    <For each={TIME_UNITS}>{(unit) => <option value={unit}>{tv('ministryTimeUnit', unit)}</option>}</For>
                  </SelectField>
                </li>
              </Show>
            )}
          </Index>
        </ul>
        <Show when={problem('processingTime')}>{(p) => <p class="field-problem">{p()}</p>}</Show>
      </fieldset>
      <CaseRows draft={draft} set={set} problem={problem} />
      <FeeRows draft={draft} set={set} problem={problem} />
      <Show when={publish.error()}>
        {(e) => (
          <div role="alert" class="error" data-testid="editor-error">
            <p>{errorText(e(), t('actionFailed'))}</p>
            <Show when={fieldProblems().length > 0}>
              <ul>
                <For each={fieldProblems()}>
                  {(f) => (
                    <li>
                      <span class="mono">{f.path}</span>: {f.problem}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <div class="button-row">
        <button type="submit" class="primary" disabled={publish.busy()}>
          {publish.busy() ? t('saving') : t('ministryPublish')}
        </button>
        <button type="button" class="link-button" onClick={() => props.onDone(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
