import { locale, t } from '../i18n/index.js';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * The API address of a list or report as a file: its filters as shown, `format`, and the page's
 * language (a link cannot set Accept-Language). Paging is left out: a download holds every row.
 */
export function exportHref(path: string, filters: Record<string, string | undefined>, format: ExportFormat): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  query.set('format', format);
  query.set('lang', locale());
  return `${path}?${query}`;
}

/**
 * "Tải CSV" / "Tải Excel": plain links, so the browser downloads as it streams (the session
 * cookie goes along) and names the file from the API's answer; nothing is held in the page.
 */
export function ExportLinks(props: { path: string; filters: Record<string, string | undefined>; label: string; testId: string }) {
  return (
    <p class="button-row export-links" role="group" aria-label={props.label} data-testid={props.testId}>
      <a class="link-button" href={exportHref(props.path, props.filters, 'csv')} download="" data-format="csv">
        {t('exportCsv')}
      </a>
      <a class="link-button" href={exportHref(props.path, props.filters, 'xlsx')} download="" data-format="xlsx">
        {t('exportXlsx')}
      </a>
    </p>
  );
}
