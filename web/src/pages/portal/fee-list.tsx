import { For, Show } from 'solid-js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import type { ProcedureDetail } from './portal-api.js';

const vnd = (amount: number) => `${formatNumber(amount)} đ`;

/** The procedure's fees and charges and the province's own fee, or "free": on its page and in the submission's preview. */
export function FeeList(props: { detail: ProcedureDetail }) {
  const fees = () => props.detail.procedure.fees;
  return (
    <Show when={fees().length > 0 || props.detail.localFeeVnd !== null} fallback={<p>{t('portalFree')}</p>}>
      <ul>
        <For each={fees()}>
          {(fee) => (
            <li>
              {fee.name}: {vnd(fee.amountVnd)}
              <Show when={fee.note}> ({fee.note})</Show>
            </li>
          )}
        </For>
        <Show when={props.detail.localFeeVnd !== null}>
          <li>
            {t('portalLocalFee')}: {vnd(props.detail.localFeeVnd!)}
          </li>
        </Show>
      </ul>
    </Show>
  );
}
