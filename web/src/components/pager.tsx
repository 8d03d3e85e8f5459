import { Show } from 'solid-js';
import { formatNumber } from '../i18n/format.js';
import { t } from '../i18n/index.js';

export type PagerProps = { page: number; onPage: (page: number) => void } &
  /** The API counts the list: "rows a–b / n" is read out. */
  (
    | { total: number; pageSize: number; hasMore?: undefined }
    /** The API gives no total (a full page, or one extra row, means there may be more): the page number is read out. */
    | { hasMore: boolean; total?: undefined; pageSize?: undefined }
  );

function position(props: PagerProps): { hasNext: boolean; text: string } {
  if (props.total === undefined) return { hasNext: props.hasMore, text: `${t('pagerPage')} ${formatNumber(props.page)}` };
  const first = Math.min(props.total, (props.page - 1) * props.pageSize + 1);
  const last = Math.min(props.total, props.page * props.pageSize);
  return { hasNext: last < props.total, text: `${formatNumber(first)}–${formatNumber(last)} / ${formatNumber(props.total)}` };
}

/**
 * Previous / next through a long list; the position is announced when the page changes. Shown
 * while there is another page either way, so a page emptied under the reader still leads back.
 */
export function Pager(props: PagerProps) {
  const at = () => position(props);
  return (
    <Show when={props.page > 1 || at().hasNext}>
      <nav class="pager" aria-label={t('pagerLabel')}>
        <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          {t('pagerPrevious')}
        </button>
        <span aria-live="polite">{at().text}</span>
        <button type="button" disabled={!at().hasNext} onClick={() => props.onPage(props.page + 1)}>
          {t('pagerNext')}
        </button>
      </nav>
    </Show>
  );
}
