import { createSignal, Show } from 'solid-js';
import { answer, api, ApiError, localProblem } from '../../api.js';
import { createAction } from '../../components/action.js';
import { ImportReport } from '../../components/import-report.js';
import { t } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';

/** The columns the API reads, as a template to fill in (with Excel's BOM, so it opens as UTF-8). */
const TEMPLATE = '\uFEFFHọ và tên,Tên đăng nhập,Số CCCD,Điện thoại di động,Email công vụ,Chức vụ,Mã đơn vị\r\n';

/**
 * Nhập cán bộ từ tệp CSV: check the file first (nothing is written), then import it. The API
 * writes every officer and sends every invitation, or writes nothing and reports each bad row.
 */
export function OfficerImport(props: { tenantId: string; onImported: () => void }) {
  let input: HTMLInputElement | undefined;
  const [result, setResult] = createSignal<string | null>(null);
  const [rows, setRows] = createSignal(0);
  const send = createAction(async (dryRun: boolean) => {
    setResult(null);
    const file = input?.files?.[0];
    if (!file) throw new ApiError(400, localProblem(400, 'invalid', { vi: t('ministryChooseFile'), en: t('ministryChooseFile') }));
    const text = await file.text();
    // What the progress line says while the API works: the rows below the header.
    setRows(Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1));
    const outcome = await answer(
      api.tenants[':tenantId'].users.import.$post(
        { param: { tenantId: props.tenantId }, query: { dryRun: dryRun ? 'true' : 'false' } },
        { init: { body: text, headers: { 'Content-Type': 'text/csv' } } },
      ),
    );
    setResult(dryRun ? fill('adminImportChecked', { n: outcome.checked }) : fill('adminImportDone', { n: outcome.created }));
    if (!dryRun) {
      if (input) input.value = '';
      props.onImported();
    }
  });
  return (
    <section class="card stack-form" aria-labelledby="officer-import-heading" data-testid="officer-import">
      <h2 id="officer-import-heading">{t('adminImportOfficers')}</h2>
      <p class="hint">{t('adminImportIntro')}</p>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`} download="mau-nhap-can-bo.csv">
          {t('adminImportTemplate')}
        </a>
      </p>
      <label for="officer-file">{t('ministryUploadCsv')}</label>
      <input id="officer-file" type="file" accept=".csv,text/csv" ref={input} />
      <div class="button-row">
        <button type="button" disabled={send.busy()} onClick={() => void send.run(true)}>
          {t('ministryCheckFile')}
        </button>
        <button type="button" class="primary" disabled={send.busy()} onClick={() => void send.run(false)}>
          {t('ministryImportFile')}
        </button>
      </div>
      <Show when={send.busy()}>
        <p data-testid="import-progress">
          <progress aria-label={t('adminImportWorking')} /> {fill('adminImportWorkingRows', { n: rows() })}
        </p>
      </Show>
      <p role="status" class="notice">
        {result() ?? ''}
      </p>
      <Show when={send.error()}>{(e) => <ImportReport error={e()} />}</Show>
    </section>
  );
}
