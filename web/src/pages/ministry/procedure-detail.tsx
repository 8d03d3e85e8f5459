import { For, Show } from 'solid-js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { retentionLabel, type ProcedureVersion } from './catalog-types.js';
import { tv } from './types.js';

/** One catalog version as read: components per case, time per channel, fees. */
export function ProcedureDetail(props: { procedure: ProcedureVersion }) {
  const p = () => props.procedure;
  return (
    <div class="procedure-detail" data-testid="procedure-detail">
      <dl>
        <dt>{t('ministryCode')}</dt>
        <dd class="mono">{p().code}</dd>
        <dt>{t('ministryVersion')}</dt>
        <dd>{p().version}</dd>
        <dt>{t('ministrySector')}</dt>
        <dd>{p().sector}</dd>
        <dt>{t('ministryLevel')}</dt>
        <dd>{tv('ministryLevel', p().level)}</dd>
        <dt>{t('ministryOnlineLevel')}</dt>
        <dd>{tv('ministryOnlineLevel', p().onlineServiceLevel)}</dd>
        <dt>{t('archiveRetention')}</dt>
        <dd data-testid="procedure-retention">{retentionLabel(p().retentionYears)}</dd>
        <dt>{t('ministryProcessingTime')}</dt>
        <dd>
          <For each={p().processingTime}>
            {(time) => (
              <span class="cell-sub">{`${tv('ministryChannel', time.channel)}: ${formatNumber(time.amount, 1)} ${tv('ministryTimeUnit', time.unit)}`}</span>
            )}
          </For>
        </dd>
        <dt>{t('ministryFees')}</dt>
        <dd>
          <Show when={p().fees.length > 0} fallback={t('ministryNoFees')}>
            <For each={p().fees}>
              {(fee) => <span class="cell-sub">{`${tv('ministryFeeKind', fee.kind)} – ${fee.name}: ${formatNumber(fee.amountVnd)} đ`}</span>}
            </For>
          </Show>
        </dd>
      </dl>
      <For each={p().cases}>
        {(c) => (
          <>
            <h3>{`${t('ministryCases')}: ${c.name}`}</h3>
            <ul>
              <For each={c.components}>
                {(m) => (
                  <li>{`${m.name} (${t('ministryOriginals').toLowerCase()}: ${m.originals}, ${t('ministryCopies').toLowerCase()}: ${m.copies})${m.required === false ? ` – ${t('ministryOptional')}` : ''}`}</li>
                )}
              </For>
            </ul>
          </>
        )}
      </For>
    </div>
  );
}
