import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { onlineShare, onTimeRate, type DossierCounts } from './report-types.js';
import './reports.css';

const rate = (value: number | null) => (value === null ? t('ministryNoRate') : formatPercent(value));

/**
 * The headline figures of one report line (the country, or one province), as a list of cards: the
 * periodic report's totals, then the two rates. `data-kpi` names the count for tests.
 */
export function KpiCards(props: { counts: DossierCounts; testId: string }) {
  const card = (key: string, label: MessageKey, value: string, warn = false) => (
    <li class={warn ? 'kpi kpi-warn' : 'kpi'} data-kpi={key}>
      <span class="kpi-label">{t(label)}</span>
      <span class="kpi-value">{value}</span>
    </li>
  );
  const c = () => props.counts;
  return (
    <ul class="kpi-grid" data-testid={props.testId}>
      {card('toHandle', 'ministryToHandle', formatNumber(c().toHandle))}
      {card('carriedOver', 'ministryCarriedOver', formatNumber(c().carriedOver))}
      {card('received', 'ministryReceived', formatNumber(c().received))}
      {card('resolved', 'ministryResolved', formatNumber(c().resolved))}
      {card('resolvedLate', 'ministryResolvedLate', formatNumber(c().resolvedLate), c().resolvedLate > 0)}
      {card('inProgressAtEnd', 'ministryInProgress', formatNumber(c().inProgressAtEnd))}
      {card('inProgressOverdue', 'ministryInProgressOverdue', formatNumber(c().inProgressOverdue), c().inProgressOverdue > 0)}
      {card('endedWithoutResult', 'ministryEndedWithoutResult', formatNumber(c().endedWithoutResult))}
      {card('onTimeRate', 'ministryOnTimeRate', rate(onTimeRate(c())))}
      {card('onlineShare', 'ministryOnlineShare', rate(onlineShare(c())))}
    </ul>
  );
}
