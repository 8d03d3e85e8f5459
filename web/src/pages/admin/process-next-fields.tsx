import type { FormField, ProcessStep } from '@gov/domain';
import { For, Index, Show } from 'solid-js';
import { t, type MessageKey } from '../../i18n/index.js';

type Next = NonNullable<ProcessStep['next']>;
type Condition = Extract<Next, { by: 'condition' }>['rules'][number]['when'];
const OPS: Condition['op'][] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];

/** A fresh branch of kind `by`, pointing at the first other step (the admin then picks). */
function blankNext(by: Next['by'] | '', steps: readonly ProcessStep[], self: string): Next | undefined {
  const other = steps.find((s) => s.key !== self)?.key ?? '';
  if (by === 'goto') return { by, to: other };
  if (by === 'choice')
    return {
      by,
      outcomes: [
        { key: 'dong_y', label: 'Đồng ý', to: other },
        { key: 'tu_choi', label: 'Từ chối', to: other },
      ],
    };
  if (by === 'condition') return { by, rules: [{ when: { field: '', op: 'eq', value: '' }, to: other }], otherwise: other };
  return undefined;
}

/** What was typed as a condition's value, in the type the field holds (the API checks it). */
function typedValue(raw: string, field: FormField | undefined): string | number | boolean {
  if (field?.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (field?.type === 'boolean') return raw === 'true';
  return raw;
}

/**
 * Rẽ nhánh: where a step leads — the next step in the list (as every straight-line process), a
 * condition on a field the procedure's form declares, the officer's choice among named outcomes,
 * or always one step. Loops, unreachable steps and unknown fields are the API's to refuse.
 */
export function NextFields(props: {
  id: (field: string) => string;
  step: () => ProcessStep;
  steps: () => ProcessStep[];
  formFields: readonly FormField[];
  onChange: (next: Next | undefined) => void;
}) {
  const next = () => props.step().next;
  const targets = () => props.steps().filter((s) => s.key !== props.step().key);
  // `value` is an accessor: the select follows the stored target when the step list changes.
  const target = (id: string, value: () => string, label: string, set: (key: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value()} onChange={(e) => set(e.currentTarget.value)}>
        <Show when={!targets().some((s) => s.key === value())}>
          <option value={value()}>{t('choose')}</option>
        </Show>
        <For each={targets()}>{(s) => <option value={s.key}>{`${s.name || s.key} (${s.key})`}</option>}</For>
      </select>
    </div>
  );
  const condition = () => next() as Extract<Next, { by: 'condition' }>;
  const choice = () => next() as Extract<Next, { by: 'choice' }>;
  const setRule = (i: number, change: { when?: Partial<Condition>; to?: string }) =>
    props.onChange({
      ...condition(),
      rules: condition().rules.map((r, j) => (j === i ? { when: { ...r.when, ...change.when }, to: change.to ?? r.to } : r)),
    });
  const setOutcome = (i: number, change: Partial<{ key: string; label: string; to: string }>) =>
    props.onChange({ ...choice(), outcomes: choice().outcomes.map((o, j) => (j === i ? { ...o, ...change } : o)) });
  return (
    <fieldset class="next-fields" data-testid={props.id('next')}>
      <legend>{t('adminNext')}</legend>
      <div class="field">
        <label for={props.id('next-by')}>{t('adminNextBy')}</label>
        <select
          id={props.id('next-by')}
          value={next()?.by ?? ''}
          onChange={(e) => props.onChange(blankNext(e.currentTarget.value as Next['by'] | '', props.steps(), props.step().key))}
        >
          <option value="">{t('adminNextInOrder')}</option>
          <option value="condition">{t('adminNextCondition')}</option>
          <option value="choice">{t('adminNextChoice')}</option>
          <option value="goto">{t('adminNextGoto')}</option>
        </select>
      </div>
      <Show when={next()?.by === 'goto'}>
        {target(
          props.id('next-to'),
          () => (next() as Extract<Next, { by: 'goto' }>).to,
          t('adminNextTo'),
          (to) => props.onChange({ by: 'goto', to }),
        )}
      </Show>
      <Show when={next()?.by === 'choice'}>
        <Index each={choice().outcomes}>
          {(o, i) => (
            <div class="step-grid branch-row" data-testid={props.id(`outcome-${i}`)}>
              <div class="field">
                <label for={props.id(`outcome-${i}-label`)}>{t('adminOutcomeLabel')}</label>
                <input id={props.id(`outcome-${i}-label`)} value={o().label} maxLength={100} onInput={(e) => setOutcome(i, { label: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={props.id(`outcome-${i}-key`)}>{t('adminOutcomeKey')}</label>
                <input
                  id={props.id(`outcome-${i}-key`)}
                  class="mono"
                  value={o().key}
                  maxLength={40}
                  onInput={(e) => setOutcome(i, { key: e.currentTarget.value })}
                />
              </div>
              {target(
                props.id(`outcome-${i}-to`),
                () => o().to,
                t('adminNextTo'),
                (to) => setOutcome(i, { to }),
              )}
            </div>
          )}
        </Index>
      </Show>
      <Show when={next()?.by === 'condition'}>
        <Index each={condition().rules}>
          {(r, i) => {
            const field = () => props.formFields.find((f) => f.key === r().when.field);
            return (
              <div class="step-grid branch-row" data-testid={props.id(`rule-${i}`)}>
                <div class="field">
                  <label for={props.id(`rule-${i}-field`)}>{t('adminRuleField')}</label>
                  <select id={props.id(`rule-${i}-field`)} value={r().when.field} onChange={(e) => setRule(i, { when: { field: e.currentTarget.value } })}>
                    <Show when={!field()}>
                      <option value={r().when.field}>{r().when.field || t('choose')}</option>
                    </Show>
                    <For each={props.formFields}>{(f) => <option value={f.key}>{`${f.label} (${f.key})`}</option>}</For>
                  </select>
                </div>
                <div class="field">
                  <label for={props.id(`rule-${i}-op`)}>{t('adminRuleOp')}</label>
                  <select
                    id={props.id(`rule-${i}-op`)}
                    value={r().when.op}
                    onChange={(e) => setRule(i, { when: { op: e.currentTarget.value as Condition['op'] } })}
                  >
                    <For each={OPS}>{(op) => <option value={op}>{t(`adminRuleOp_${op}` as MessageKey)}</option>}</For>
                  </select>
                </div>
                <div class="field">
                  <label for={props.id(`rule-${i}-value`)}>{t('adminRuleValue')}</label>
                  <input
                    id={props.id(`rule-${i}-value`)}
                    value={String(r().when.value)}
                    maxLength={200}
                    onInput={(e) => setRule(i, { when: { value: typedValue(e.currentTarget.value, field()) } })}
                  />
                </div>
                {target(
                  props.id(`rule-${i}-to`),
                  () => r().to,
                  t('adminNextTo'),
                  (to) => setRule(i, { to }),
                )}
              </div>
            );
          }}
        </Index>
        {target(
          props.id('otherwise'),
          () => condition().otherwise,
          t('adminNextOtherwise'),
          (to) => props.onChange({ ...condition(), otherwise: to }),
        )}
      </Show>
    </fieldset>
  );
}
