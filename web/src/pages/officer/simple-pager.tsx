import { t } from '../../i18n/index.js';
import { formatNumber } from '../../i18n/format.js';

/**
 * Previous / next for a list whose API gives no total (the inbox): a full page means there may
 * be more. The page number is announced when it changes.
 */
export function SimplePager(props: { page: number; hasMore: boolean; onPage: (page: number) => void }) {
  return (
    <nav class="pager" aria-label={t('pagerLabel')} hidden={props.page === 1 && !props.hasMore}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>{t('pagerPrevious')}</button>
      <span aria-live="polite">{t('officerPage')} {formatNumber(props.page)}</span>
      <button type="button" disabled={!props.hasMore} onClick={() => props.onPage(props.page + 1)}>{t('pagerNext')}</button>
    </nav>
  );
}
