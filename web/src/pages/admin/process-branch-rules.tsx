import { BRANCH_LIMITS, type FormField, type ProcessStep } from '@gov/domain';
import { For, Index, Match, Show, Switch } from 'solid-js';
import { t, type MessageKey } from '../../i18n/index.js';
import { freshRule, typedValue } from './process-branch-values.js';
import { BranchTarget } from './process-branch-target.js';

type Condition = Extract<NonNullable<ProcessStep['next']>, { by: 'condition' }>;
type Rule = Condition['rules'][number];
type Op = Rule['when']['op'];
const OPS: Op[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];
/** Orderings compare numbers only (the API refuses them on other fields). */
const opsFor = (field: FormField | undefined): Op[] => (field === undefined || field.type === 'number' ? OPS : ['eq', 'ne']);

/**
 * The rules of a condition branch, in order (the first the dossier's data matches wins), each a
 * test on a field the procedure's form declares, and the step it leads to; then where every
 * other dossier goes. Add and remove rules (1 to 20); a field the form lacks is the API's to
 * refuse, naming the step.
 */
export function BranchRules(props: {
  id: (field: string) => string;
  condition: () => Condition;
  targets: () => ProcessStep[];
  formFields: readonly FormField[];
  onChange: (next: Condition) => void;
}) {
  const rules = () => props.condition().rules;
  const fieldOf = (rule: Rule) => props.formFields.find((f) => f.key === rule.when.field);
  const set = (i: number, rule: Rule) => props.onChange({ ...props.condition(), rules: rules().map((r, j) => (j === i ? rule : r)) });
  const remove = (i: number) => props.onChange({ ...props.condition(), rules: rules().filter((_, j) => j !== i) });
  const add = () => props.onChange({ ...props.condition(), rules: [...rules(), freshRule(props.formFields[0], props.targets()[0]?.key ?? '')] });
  return (
    <>
      <Show when={props.formFields.length === 0}>
        <p class="hint" data-testid={props.id('no-fields')}>
          {t('branchNoFields')}
        </p>
      </Show>
      <Index each={rules()}>
        {(r, i) => {
          const field = () => fieldOf(r());
          const setWhen = (when: Partial<Rule['when']>) => set(i, { ...r(), when: { ...r().when, ...when } });
          return (
            <div class="step-grid branch-row" data-testid={props.id(`rule-${i}`)}>
              <div class="field">
                <label for={props.id(`rule-${i}-field`)}>{t('adminRuleField')}</label>
                <select
                  id={props.id(`rule-${i}-field`)}
                  value={r().when.field}
                  onChange={(e) => {
                    const chosen = props.formFields.find((f) => f.key === e.currentTarget.value);
                    const fresh = freshRule(chosen, r().to);
                    // Keep the operator when the new field allows it.
                    set(i, { ...fresh, when: { ...fresh.when, op: opsFor(chosen).includes(r().when.op) ? r().when.op : 'eq' } });
                  }}
                >
                  <Show when={!field()}>
                    <option value={r().when.field}>{r().when.field || t('choose')}</option>
                  </Show>
                  <For each={props.formFields}>{(f) => <option value={f.key}>{`${f.label} (${f.key})`}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for={props.id(`rule-${i}-op`)}>{t('adminRuleOp')}</label>
                <select id={props.id(`rule-${i}-op`)} value={r().when.op} onChange={(e) => setWhen({ op: e.currentTarget.value as Op })}>
                  <For each={opsFor(field())}>{(op) => <option value={op}>{t(`adminRuleOp_${op}` as MessageKey)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for={props.id(`rule-${i}-value`)}>{t('adminRuleValue')}</label>
                <Switch>
                  <Match when={field()?.type === 'boolean'}>
                    <select
                      id={props.id(`rule-${i}-value`)}
                      value={String(r().when.value)}
                      onChange={(e) => setWhen({ value: e.currentTarget.value === 'true' })}
                    >
                      <option value="true">{t('declaredFieldYes')}</option>
                      <option value="false">{t('declaredFieldNo')}</option>
                    </select>
                  </Match>
                  <Match when={field()?.type === 'choice'}>
                    <select id={props.id(`rule-${i}-value`)} value={String(r().when.value)} onChange={(e) => setWhen({ value: e.currentTarget.value })}>
                      <Show when={!(field()?.options ?? []).includes(String(r().when.value))}>
                        <option value={String(r().when.value)}>{String(r().when.value) || t('choose')}</option>
                      </Show>
                      <For each={field()?.options ?? []}>{(o) => <option value={o}>{o}</option>}</For>
                    </select>
                  </Match>
                  <Match when={true}>
                    <input
                      id={props.id(`rule-${i}-value`)}
                      value={String(r().when.value)}
                      maxLength={200}
                      inputmode={field()?.type === 'number' ? 'decimal' : undefined}
                      onInput={(e) => setWhen({ value: typedValue(e.currentTarget.value, field()) })}
                    />
                  </Match>
                </Switch>
              </div>
              <BranchTarget
                id={props.id(`rule-${i}-to`)}
                label={t('adminNextTo')}
                value={() => r().to}
                targets={props.targets}
                onChange={(to) => set(i, { ...r(), to })}
              />
              <button
                type="button"
                class="link-button"
                aria-label={`${t('branchRemoveRule')} ${i + 1}`}
                disabled={rules().length <= BRANCH_LIMITS.rules.min}
                onClick={() => remove(i)}
              >
                {t('branchRemoveRule')}
              </button>
            </div>
          );
        }}
      </Index>
      <button type="button" disabled={rules().length >= BRANCH_LIMITS.rules.max || props.formFields.length === 0} onClick={add}>
        {t('branchAddRule')}
      </button>
      <BranchTarget
        id={props.id('otherwise')}
        label={t('adminNextOtherwise')}
        value={() => props.condition().otherwise}
        targets={props.targets}
        onChange={(otherwise) => props.onChange({ ...props.condition(), otherwise })}
      />
    </>
  );
}
