import type { FormField, ProcessStep } from '@gov/domain';
import { Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { BranchOutcomes } from './process-branch-outcomes.js';
import { BranchRules } from './process-branch-rules.js';
import { freshRule } from './process-branch-values.js';
import { BranchTarget } from './process-branch-target.js';

type Next = NonNullable<ProcessStep['next']>;

/** A fresh branch of kind `by`, pointing at the first other step (the admin then picks). */
function blankNext(by: Next['by'] | '', steps: readonly ProcessStep[], self: string, fields: readonly FormField[]): Next | undefined {
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
  if (by === 'condition') return { by, rules: [freshRule(fields[0], other)], otherwise: other };
  return undefined;
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
  return (
    <fieldset class="next-fields" data-testid={props.id('next')}>
      <legend>{t('adminNext')}</legend>
      <div class="field">
        <label for={props.id('next-by')}>{t('adminNextBy')}</label>
        <select
          id={props.id('next-by')}
          value={next()?.by ?? ''}
          onChange={(e) => props.onChange(blankNext(e.currentTarget.value as Next['by'] | '', props.steps(), props.step().key, props.formFields))}
        >
          <option value="">{t('adminNextInOrder')}</option>
          <option value="condition">{t('adminNextCondition')}</option>
          <option value="choice">{t('adminNextChoice')}</option>
          <option value="goto">{t('adminNextGoto')}</option>
        </select>
      </div>
      <Show when={next()?.by === 'goto'}>
        <BranchTarget
          id={props.id('next-to')}
          label={t('adminNextTo')}
          value={() => (next() as Extract<Next, { by: 'goto' }>).to}
          targets={targets}
          onChange={(to) => props.onChange({ by: 'goto', to })}
        />
      </Show>
      <Show when={next()?.by === 'choice'}>
        <BranchOutcomes id={props.id} choice={() => next() as Extract<Next, { by: 'choice' }>} targets={targets} onChange={props.onChange} />
      </Show>
      <Show when={next()?.by === 'condition'}>
        <BranchRules
          id={props.id}
          condition={() => next() as Extract<Next, { by: 'condition' }>}
          targets={targets}
          formFields={props.formFields}
          onChange={props.onChange}
        />
      </Show>
    </fieldset>
  );
}
