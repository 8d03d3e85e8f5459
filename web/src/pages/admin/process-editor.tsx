import { createEffect, createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import {
  describeWorkingHours,
  longestPath,
  NATIONAL_STATUS,
  ROLE_LABELS,
  STEP_KINDS,
  STEP_NATIONAL_STATUSES,
  TENANT_ROLES,
  type FormField,
  type ProcessStep,
} from '@gov/domain';
import { answer, api, ApiError, basedOn, errorText } from '../../api.js';
import { createAction } from '../../components/action.js';
import { loaded } from '../../components/load-state.js';
import { pick, t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { ConsultationFields } from './process-consultation-fields.js';
import { HandOverFields } from './process-hand-over-fields.js';
import { NextFields } from './process-next-fields.js';
import { createProvinceUnits, provinceName } from './process-provinces.js';
import { blankStep, moveItem, otherProvinceIds, problemsFrom, segmentOwners, totalHours, type RefusalDetails } from './process-steps.js';
import { type OrgUnit, type ProcessVersion } from './types.js';
import { buildTree, flattenTree } from './unit-tree.js';

interface EditorProps {
  tenantId: string;
  procedureCode: string;
  caseCode: string;
  /** What the editor starts from: a stored version, or null for a new, unsaved draft. */
  base: ProcessVersion | null;
  initialSteps: ProcessStep[];
  units: OrgUnit[];
  limitHours: number | null;
  /** The fields the procedure's forms declare: what a branch's condition may test. */
  formFields: readonly FormField[];
  /** After a save or publish, with the stored row. */
  onStored: (row: ProcessVersion, what: 'saved' | 'published') => void;
  /** Someone else saved or published meanwhile: reload the versions (this editor starts again from them). */
  onStale: () => void;
}

// Only the statuses a dossier holds while waiting at a step; actions set the others.
const NATIONAL_CODES = STEP_NATIONAL_STATUSES as (keyof typeof NATIONAL_STATUS)[];

/**
 * Thiết kế quy trình: the ordered steps, the time budget against the statutory limit, save and
 * publish. Every check that decides is the API's (services/domain process-validation.ts); the
 * budget here only warns early with the same arithmetic.
 */
/** Steps an officer of the asking unit works, the only ones that may consult (lấy ý kiến). */
const CONSULTING_KINDS: readonly string[] = ['assign', 'process', 'review', 'approve'];

export function ProcessEditor(props: EditorProps) {
  // Not reactive on purpose: the editor is re-created (keyed) when its base changes.
  const [steps, setSteps] = createSignal<ProcessStep[]>(props.initialSteps);
  const [dirty, setDirty] = createSignal(props.base === null);
  const [lastError, setLastError] = createSignal<unknown>(null);
  const edit = (next: ProcessStep[]) => {
    setSteps(next);
    setDirty(true);
  };
  const patch = (index: number, change: Partial<ProcessStep>) => edit(steps().map((s, i) => (i === index ? { ...s, ...change } : s)));
  const unitOptions = createMemo(() =>
    flattenTree(buildTree(props.units))
      .filter(({ unit }) => unit.active)
      .map(({ unit, depth }) => ({ id: unit.id, label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}` })),
  );
  // Liên thông giữa hai tỉnh: the other provinces' units, loaded for every province the design names.
  const provinceUnits = createProvinceUnits(props.tenantId);
  createEffect(() => otherProvinceIds(steps(), props.tenantId).forEach((id) => provinceUnits.ensure(id)));
  const owners = createMemo(() => segmentOwners(steps(), props.tenantId));
  const [provinces] = createResource(
    () => steps().some((s) => s.kind === 'hand_over') || undefined,
    () => answer(api.provinces.$get()).then((r) => r.items.filter((p) => p.id !== props.tenantId)),
  );
  /** The unit choices of step `i`: this province's, or those of the province that works it. */
  const unitGroups = (i: number) => {
    const owner = owners()[i];
    if (!owner) return [{ label: null, options: unitOptions() }];
    const units = provinceUnits.get(owner.tenantId);
    const theirs = units?.state === 'ready' ? units.targets.items.map((u) => ({ id: u.id, label: `${u.name} (${u.code})` })) : [];
    // The sending unit ends the segment: the dossier is back in this province.
    const back = unitOptions()
      .filter((u) => u.id === owner.sendingUnitId)
      .map((u) => ({ ...u, label: u.label.trim() }));
    return [
      { label: provinceName(units) ?? t('loading'), options: theirs },
      { label: t('adminThisProvince'), options: back },
    ];
  };
  // The budget is the longest way through the steps (a loop, which the API refuses, has none).
  const total = createMemo(() => longestPath(steps())?.hours ?? totalHours(steps()));
  const over = () => props.limitHours !== null && total() > props.limitHours;
  const problems = createMemo(() => {
    const error = lastError();
    // Design problems ride beside the field list as the problem's `problems` member.
    const details: RefusalDetails | undefined =
      error instanceof ApiError ? { problems: error.extension<RefusalDetails['problems']>('problems'), fields: error.fields } : undefined;
    return problemsFrom(details, steps());
  });

  // Editing the open draft names its revision; starting from a published version names none,
  // and the API refuses (412) if someone else opened a draft meanwhile.
  const openDraft = () => (props.base?.status === 'draft' ? props.base : null);
  const save = async (): Promise<ProcessVersion> => {
    const draft = openDraft();
    const row = await answer(
      api.tenants[':tenantId'].processes.$post(
        { param: { tenantId: props.tenantId }, json: { procedureCode: props.procedureCode, caseCode: props.caseCode, steps: steps() } },
        { headers: draft ? basedOn(draft.revision) : {} },
      ),
    );
    setDirty(false);
    return row;
  };
  const saveAction = createAction(
    async () => {
      setLastError(null);
      try {
        props.onStored(await save(), 'saved');
      } catch (error) {
        setLastError(error);
        throw error;
      }
    },
    { onStale: () => props.onStale() },
  );
  const publishAction = createAction(
    async () => {
      setLastError(null);
      try {
        // Publishing what is on screen: unsaved edits are saved (and validated) first.
        const open = openDraft();
        const draft = !dirty() && open ? open : await save();
        const publish = api.tenants[':tenantId'].processes[':id'].publish.$post(
          { param: { tenantId: props.tenantId, id: draft.id } },
          { headers: basedOn(draft.revision) },
        );
        props.onStored(await answer(publish), 'published');
      } catch (error) {
        setLastError(error);
        throw error;
      }
    },
    { onStale: () => props.onStale() },
  );
  const busy = () => saveAction.busy() || publishAction.busy();

  /** Moves a step and keeps keyboard focus on the same button of the moved step. */
  const move = (from: number, to: number, button: 'up' | 'down') => {
    edit(moveItem(steps(), from, to));
    queueMicrotask(() => {
      const target = document.getElementById(`step-${to}-${button}`) as HTMLButtonElement | null;
      (target && !target.disabled ? target : document.getElementById(`step-${to}-name`))?.focus();
    });
  };
  const remove = (index: number) => {
    edit(steps().filter((_, i) => i !== index));
    queueMicrotask(() => document.getElementById('add-step')?.focus());
  };

  return (
    <div class="process-editor" data-testid="process-editor">
      <div class={`budget ${over() ? 'budget-over' : 'budget-ok'}`} data-testid="time-budget" aria-live="polite">
        <p>
          <strong>{t('adminBudget')}: </strong>
          {pick(describeWorkingHours(total()))}
          <Show when={props.limitHours !== null}>
            {' / '}
            {pick(describeWorkingHours(props.limitHours!))} {t('adminBudgetLimit')}
          </Show>
        </p>
        <Show when={props.limitHours !== null}>
          <meter
            min={0}
            max={Math.max(props.limitHours!, total())}
            low={props.limitHours! * 0.999}
            high={props.limitHours!}
            optimum={0}
            value={total()}
            aria-label={t('adminBudget')}
          />
        </Show>
        <Show when={over()} fallback={<p class="budget-note">{t('adminBudgetWithin')}</p>}>
          <p class="budget-note" data-testid="budget-over">
            <strong>{t('adminBudgetOver')}</strong> {pick(describeWorkingHours(total() - props.limitHours!))}
          </p>
        </Show>
      </div>

      <Show when={lastError()}>
        {(e) => (
          <div role="alert" class="error" data-testid="process-error">
            <p>{errorText(e(), t('actionFailed'))}</p>
            <Show when={problems().general.length > 0}>
              <ul>
                <For each={problems().general}>{(m) => <li>{pick(m)}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>

      <ol class="step-list">
        <Index each={steps()}>
          {(step, i) => {
            const id = (field: string) => `step-${i}-${field}`;
            const stepProblems = () => problems().byStep.get(i) ?? [];
            return (
              <li class="step-card" classList={{ 'has-problem': stepProblems().length > 0 }} data-testid={`step-${i}`}>
                <fieldset>
                  <legend>
                    {`${t('adminStep')} ${i + 1}: ${step().name || t('adminUnnamedStep')}`}
                    <Show when={owners()[i]}>
                      {(owner) => (
                        <span
                          class="badge badge-province"
                          data-testid={`step-${i}-province`}
                        >{`${t('adminWorkedBy')}: ${provinceName(provinceUnits.get(owner().tenantId)) ?? t('loading')}`}</span>
                      )}
                    </Show>
                  </legend>
                  <Show when={stepProblems().length > 0}>
                    <ul class="field-problem" id={id('problems')} data-testid={`step-${i}-problems`}>
                      <For each={stepProblems()}>{(m) => <li>{pick(m)}</li>}</For>
                    </ul>
                  </Show>
                  <div class="step-grid">
                    <div class="field">
                      <label for={id('name')}>{t('adminStepName')}</label>
                      <input id={id('name')} value={step().name} maxLength={200} required onInput={(e) => patch(i, { name: e.currentTarget.value })} />
                    </div>
                    <div class="field">
                      <label for={id('key')}>{t('adminStepKey')}</label>
                      <input
                        id={id('key')}
                        class="mono"
                        value={step().key}
                        maxLength={40}
                        pattern="[a-z0-9_\-]{1,40}"
                        autocapitalize="none"
                        onInput={(e) => patch(i, { key: e.currentTarget.value })}
                      />
                    </div>
                    <div class="field">
                      <label for={id('kind')}>{t('adminStepKind')}</label>
                      <select
                        id={id('kind')}
                        value={step().kind}
                        onChange={(e) => {
                          const kind = e.currentTarget.value as ProcessStep['kind'];
                          const { handOver, ...rest } = step();
                          // A hand-over target belongs to hand-over steps only.
                          const next: ProcessStep =
                            kind === 'hand_over'
                              ? { ...rest, kind, handOver: handOver ?? { direction: 'up', targetUnitId: rest.orgUnitId } }
                              : { ...rest, kind };
                          edit(steps().map((s, j) => (j === i ? next : s)));
                        }}
                      >
                        <For each={STEP_KINDS}>{(k) => <option value={k}>{t(`adminStepKind_${k}` as MessageKey)}</option>}</For>
                      </select>
                    </div>
                    <div class="field">
                      <label for={id('role')}>{t('role')}</label>
                      <select id={id('role')} value={step().role} onChange={(e) => patch(i, { role: e.currentTarget.value as ProcessStep['role'] })}>
                        <For each={TENANT_ROLES}>{(r) => <option value={r}>{pick(ROLE_LABELS[r])}</option>}</For>
                      </select>
                    </div>
                    <div class="field">
                      <label for={id('unit')}>{t('unit')}</label>
                      <select id={id('unit')} value={step().orgUnitId} onChange={(e) => patch(i, { orgUnitId: e.currentTarget.value })}>
                        <Show when={!unitGroups(i).some((g) => g.options.some((u) => u.id === step().orgUnitId))}>
                          <option value={step().orgUnitId}>
                            {owners()[i] && provinceUnits.get(owners()[i]!.tenantId)?.state === 'loading' ? t('loading') : t('adminUnknownUnit')}
                          </option>
                        </Show>
                        <For each={unitGroups(i)}>
                          {(group) => (
                            <Show when={group.label} fallback={<For each={group.options}>{(u) => <option value={u.id}>{u.label}</option>}</For>}>
                              {(label) => (
                                <optgroup label={label()}>
                                  <For each={group.options}>
                                    {(u) => (
                                      <option value={u.id} selected={u.id === step().orgUnitId}>
                                        {u.label}
                                      </option>
                                    )}
                                  </For>
                                </optgroup>
                              )}
                            </Show>
                          )}
                        </For>
                      </select>
                    </div>
                    <div class="field">
                      <label for={id('hours')}>{t('adminStepHours')}</label>
                      <input
                        id={id('hours')}
                        type="number"
                        min="0"
                        step="0.5"
                        inputmode="decimal"
                        value={step().allottedWorkingHours}
                        onInput={(e) => patch(i, { allottedWorkingHours: e.currentTarget.value === '' ? 0 : Number(e.currentTarget.value) })}
                      />
                    </div>
                    <div class="field">
                      <label for={id('national')}>{t('adminNationalStatus')}</label>
                      <select
                        id={id('national')}
                        value={String(step().nationalStatus)}
                        onChange={(e) => patch(i, { nationalStatus: Number(e.currentTarget.value) })}
                      >
                        <For each={NATIONAL_CODES}>{(code) => <option value={String(code)}>{`${code}. ${pick(NATIONAL_STATUS[code])}`}</option>}</For>
                      </select>
                    </div>
                    <div class="field">
                      <label for={id('local')}>{t('adminLocalStatus')}</label>
                      <input id={id('local')} value={step().localStatus} maxLength={60} onInput={(e) => patch(i, { localStatus: e.currentTarget.value })} />
                    </div>
                    <Show when={step().kind === 'hand_over'}>
                      <HandOverFields
                        id={id}
                        step={step}
                        ownTenantId={props.tenantId}
                        ownUnits={unitOptions}
                        provinces={() => loaded(provinces)}
                        provinceUnits={provinceUnits}
                        onChange={(next) => edit(steps().map((s, j) => (j === i ? next : s)))}
                      />
                    </Show>
                  </div>
                  <Show when={CONSULTING_KINDS.includes(step().kind)}>
                    <ConsultationFields
                      id={id}
                      step={step}
                      ownTenantId={props.tenantId}
                      ownUnits={unitOptions}
                      provinces={() => loaded(provinces)}
                      provinceUnits={provinceUnits}
                      onChange={(next) => edit(steps().map((s, j) => (j === i ? next : s)))}
                    />
                  </Show>
                  <NextFields
                    id={id}
                    step={step}
                    steps={steps}
                    formFields={props.formFields}
                    onChange={(next) =>
                      edit(
                        steps().map((s, j) => {
                          if (j !== i) return s;
                          const { next: _old, ...rest } = s;
                          return next ? { ...rest, next } : rest;
                        }),
                      )
                    }
                  />
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={step().allowReturnToPrevious}
                      onChange={(e) => patch(i, { allowReturnToPrevious: e.currentTarget.checked })}
                    />{' '}
                    {t('adminAllowReturn')}
                  </label>
                  <div class="row-actions step-actions">
                    <button
                      type="button"
                      id={id('up')}
                      class="link-button"
                      disabled={i === 0}
                      onClick={() => move(i, i - 1, 'up')}
                      aria-label={`${t('adminMoveUp')}: ${t('adminStep')} ${i + 1}`}
                    >
                      {t('adminMoveUp')}
                    </button>
                    <button
                      type="button"
                      id={id('down')}
                      class="link-button"
                      disabled={i === steps().length - 1}
                      onClick={() => move(i, i + 1, 'down')}
                      aria-label={`${t('adminMoveDown')}: ${t('adminStep')} ${i + 1}`}
                    >
                      {t('adminMoveDown')}
                    </button>
                    <button
                      type="button"
                      class="link-button"
                      disabled={steps().length === 1}
                      onClick={() => remove(i)}
                      aria-label={`${t('adminRemoveStep')}: ${t('adminStep')} ${i + 1}`}
                    >
                      {t('adminRemoveStep')}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          }}
        </Index>
      </ol>
      <div class="button-row">
        <button
          type="button"
          id="add-step"
          onClick={() => {
            edit([...steps(), blankStep(steps(), unitOptions()[0]?.id ?? '')]);
            queueMicrotask(() => document.getElementById(`step-${steps().length - 1}-name`)?.focus());
          }}
        >
          {t('adminAddStep')}
        </button>
      </div>
      <div class="button-row">
        <Show when={can('create', 'ProcessDefinition', { tenantId: props.tenantId })}>
          <button type="button" disabled={busy()} onClick={() => void saveAction.run()}>
            {saveAction.busy() ? t('saving') : t('adminSaveDraft')}
          </button>
        </Show>
        <Show when={can('publish', 'ProcessDefinition', { tenantId: props.tenantId })}>
          <button type="button" class="primary" disabled={busy()} onClick={() => void publishAction.run()}>
            {publishAction.busy() ? t('saving') : t('adminPublish')}
          </button>
        </Show>
        <Show when={dirty()}>
          <span class="muted">{t('adminUnsaved')}</span>
        </Show>
      </div>
    </div>
  );
}
