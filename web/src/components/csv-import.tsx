import { createSignal, Show } from 'solid-js';
import { ApiError, localProblem } from '../api.js';
import { t } from '../i18n/index.js';
import { fill } from '../pages/ministry/types.js';
import { createAction } from './action.js';
import { ImportReport } from './import-report.js';

/** What an all-or-nothing import answers: rows read, and rows written (0 for a check). */
export interface ImportOutcome {
  checked: number;
  created: number;
}

/**
 * An import from a CSV file, as the province console offers it: a template to fill in, "check the
 * file" (nothing is written), then "import"; while the API works, a progress line with the number
 * of rows; a refusal shows the API's report row by row. The API writes all rows or none.
 */
export function CsvImport(props: {
  id: string;
  heading: string;
  intro: string;
  /** The header line the API reads; the template adds Excel's BOM so it opens as UTF-8. */
  columns: string;
  templateName: string;
  checkedMessage: (n: number) => string;
  doneMessage: (n: number) => string;
  send: (text: string, dryRun: boolean) => Promise<ImportOutcome>;
  onImported: () => void;
}) {
  let input: HTMLInputElement | undefined;
  const [result, setResult] = createSignal<string | null>(null);
  const [rows, setRows] = createSignal(0);
  const send = createAction(async (dryRun: boolean) => {
    setResult(null);
    const file = input?.files?.[0];
    if (!file) throw new ApiError(400, localProblem(400, 'invalid', { vi: t('ministryChooseFile'), en: t('ministryChooseFile') }));
    const text = await file.text();
    setRows(Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1));
    const outcome = await props.send(text, dryRun);
    setResult(dryRun ? props.checkedMessage(outcome.checked) : props.doneMessage(outcome.created));
    if (!dryRun) {
      if (input) input.value = '';
      props.onImported();
    }
  });
  return (
    <section class="card stack-form" aria-labelledby={`${props.id}-heading`} data-testid={props.id}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <p class="hint">{props.intro}</p>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${props.columns}\r\n`)}`} download={props.templateName}>
          {t('adminImportTemplate')}
        </a>
      </p>
      <label for={`${props.id}-file`}>{t('ministryUploadCsv')}</label>
      <input id={`${props.id}-file`} type="file" accept=".csv,text/csv" ref={input} />
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
