import type { ProcessStep } from '@gov/domain';
import { For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';

/**
 * The step a branch leads to, among the process's other steps. `value` is an accessor: the select
 * follows the stored target when the step list changes; a target no longer in the list shows as
 * "choose" and the API refuses it, naming the step.
 */
export function BranchTarget(props: { id: string; label: string; value: () => string; targets: () => ProcessStep[]; onChange: (key: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value()} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <Show when={!props.targets().some((s) => s.key === props.value())}>
          <option value={props.value()}>{t('choose')}</option>
        </Show>
        <For each={props.targets()}>{(s) => <option value={s.key}>{`${s.name || s.key} (${s.key})`}</option>}</For>
      </select>
    </div>
  );
}
