import { Show } from 'solid-js';
import { formatNumber } from '../i18n/format.js';
import { t } from '../i18n/index.js';

/** Previous / next through a long list, with "rows a–b of n" read out when the page changes. */
export function Pager(props: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = () => Math.max(1, Math.ceil(props.total / props.pageSize));
  const first = () => (props.total === 0 ? 0 : (props.page - 1) * props.pageSize + 1);
  const last = () => Math.min(props.total, props.page * props.pageSize);
  return (
    <Show when={props.total > props.pageSize}>
      <nav class="pager" aria-label={t('pagerLabel')}>
        <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>{t('pagerPrevious')}</button>
        <span aria-live="polite">
          {formatNumber(first())}–{formatNumber(last())} / {formatNumber(props.total)}
        </span>
        <button type="button" disabled={props.page >= pages()} onClick={() => props.onPage(props.page + 1)}>{t('pagerNext')}</button>
      </nav>
    </Show>
  );
}
