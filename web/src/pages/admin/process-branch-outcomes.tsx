import { BRANCH_LIMITS, type ProcessStep } from '@gov/domain';
import { Index } from 'solid-js';
import { t } from '../../i18n/index.js';
import { nextOutcome } from './process-branch-values.js';
import { BranchTarget } from './process-branch-target.js';

type Choice = Extract<NonNullable<ProcessStep['next']>, { by: 'choice' }>;
type Outcome = Choice['outcomes'][number];

/**
 * The named outcomes the officer chooses among on completing the step (2 to 10), each with the
 * step it leads to: add, rename, re-point, remove. The officer sees them as radio buttons.
 */
export function BranchOutcomes(props: { id: (field: string) => string; choice: () => Choice; targets: () => ProcessStep[]; onChange: (next: Choice) => void }) {
  const outcomes = () => props.choice().outcomes;
  const set = (i: number, change: Partial<Outcome>) =>
    props.onChange({ ...props.choice(), outcomes: outcomes().map((o, j) => (j === i ? { ...o, ...change } : o)) });
  const remove = (i: number) => props.onChange({ ...props.choice(), outcomes: outcomes().filter((_, j) => j !== i) });
  const add = () => props.onChange({ ...props.choice(), outcomes: [...outcomes(), nextOutcome(outcomes(), props.targets()[0]?.key ?? '')] });
  return (
    <>
      <Index each={outcomes()}>
        {(o, i) => (
          <div class="step-grid branch-row" data-testid={props.id(`outcome-${i}`)}>
            <div class="field">
              <label for={props.id(`outcome-${i}-label`)}>{t('adminOutcomeLabel')}</label>
              <input id={props.id(`outcome-${i}-label`)} value={o().label} maxLength={100} onInput={(e) => set(i, { label: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for={props.id(`outcome-${i}-key`)}>{t('adminOutcomeKey')}</label>
              <input id={props.id(`outcome-${i}-key`)} class="mono" value={o().key} maxLength={40} onInput={(e) => set(i, { key: e.currentTarget.value })} />
            </div>
            <BranchTarget
              id={props.id(`outcome-${i}-to`)}
              label={t('adminNextTo')}
              value={() => o().to}
              targets={props.targets}
              onChange={(to) => set(i, { to })}
            />
            <button
              type="button"
              class="link-button"
              aria-label={`${t('branchRemoveOutcome')}: ${o().label || o().key}`}
              disabled={outcomes().length <= BRANCH_LIMITS.outcomes.min}
              onClick={() => remove(i)}
            >
              {t('branchRemoveOutcome')}
            </button>
          </div>
        )}
      </Index>
      <button type="button" disabled={outcomes().length >= BRANCH_LIMITS.outcomes.max} onClick={add}>
        {t('branchAddOutcome')}
      </button>
    </>
  );
}
