import { createSignal, Show } from 'solid-js';
import { answer, api, ApiError, localProblem } from '../../api.js';
import { createAction } from '../../components/action.js';
import { ImportReport } from '../../components/import-report.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { fill } from './types.js';

/** Nhập, xuất danh mục: everyone may download; only the ministry admin is offered the upload. */
export function CatalogImport(props: { onImported: () => void }) {
  let input: HTMLInputElement | undefined;
  const [result, setResult] = createSignal<string | null>(null);
  const send = createAction(async (dryRun: boolean) => {
    setResult(null);
    const file = input?.files?.[0];
    if (!file) throw new ApiError(400, localProblem(400, 'invalid', { vi: t('ministryChooseFile'), en: t('ministryChooseFile') }));
    // The endpoint reads the request body as the CSV file itself.
    const outcome = await answer(
      api.catalog.import.$post(
        { query: { format: 'csv', dryRun: dryRun ? 'true' : 'false' } },
        { init: { body: await file.text(), headers: { 'Content-Type': 'text/csv' } } },
      ),
    );
    setResult(
      dryRun
        ? fill('ministryImportChecked', { n: outcome.checked })
        : fill('ministryImportDone', { created: outcome.created.length, unchanged: outcome.unchanged.length }),
    );
    if (!dryRun) props.onImported();
  });
  return (
    <section class="card" aria-labelledby="import-heading" data-testid="catalog-import">
      <h2 id="import-heading">{t('ministryImportExport')}</h2>
      <p>
        <a href="/api/catalog/export?format=csv" download="danh-muc-tthc.csv" data-testid="catalog-download">
          {t('ministryDownloadCsv')}
        </a>
      </p>
      <Show when={can('manage', 'Procedure')}>
        <div class="stack-form">
          <label for="catalog-file">{t('ministryUploadCsv')}</label>
          <input id="catalog-file" type="file" accept=".csv,text/csv" ref={input} />
          <div class="button-row">
            <button type="button" disabled={send.busy()} onClick={() => void send.run(true)}>
              {t('ministryCheckFile')}
            </button>
            <button type="button" class="primary" disabled={send.busy()} onClick={() => void send.run(false)}>
              {t('ministryImportFile')}
            </button>
          </div>
          <p role="status" class="notice">
            {result() ?? ''}
          </p>
          <Show when={send.error()}>{(e) => <ImportReport error={e()} />}</Show>
        </div>
      </Show>
    </section>
  );
}
