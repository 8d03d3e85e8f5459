import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { onlineShare, onTimeRate, type DossierCounts } from './types.js';

const rate = (value: number | null) => (value === null ? t('ministryNoRate') : formatPercent(value));

/** The headline figures of one report line (the country, or one province), as a list of cards. */
export function KpiCards(props: { counts: DossierCounts; testId: string }) {
  const card = (label: MessageKey, value: string, warn = false) => (
    <li class={warn ? 'kpi kpi-warn' : 'kpi'}>
      <span class="kpi-label">{t(label)}</span>
      <span class="kpi-value">{value}</span>
    </li>
  );
  return (
    <ul class="kpi-grid" data-testid={props.testId}>
      {card('ministryReceived', formatNumber(props.counts.received))}
      {card('ministryInProgress', formatNumber(props.counts.inProgress))}
      {card('ministryOnTime', formatNumber(props.counts.resolvedOnTime))}
      {card('ministryLate', formatNumber(props.counts.resolvedLate), props.counts.resolvedLate > 0)}
      {card('ministryOverdueNow', formatNumber(props.counts.overdueNow), props.counts.overdueNow > 0)}
      {card('ministryOnTimeRate', rate(onTimeRate(props.counts)))}
      {card('ministryOnlineShare', rate(onlineShare(props.counts)))}
    </ul>
  );
}
