import { For, Show } from 'solid-js';
import { ApiError, errorText } from '../api.js';
import { locale, t } from '../i18n/index.js';

/** One line of an import's report, as the API sends it with its 400 (`report`). */
interface ImportProblem {
  row: number;
  field: string;
  problem: string;
  problemEn: string;
}

/**
 * Why an import file was refused: the API's message and, when it checked the rows, each problem
 * with its line (the header is line 1) and column, so the person fixes the file in their
 * spreadsheet. Nothing was written.
 */
export function ImportReport(props: { error: unknown }) {
  const report = (): ImportProblem[] => (props.error instanceof ApiError ? (props.error.extension<ImportProblem[]>('report') ?? []) : []);
  return (
    <div role="alert" class="error" data-testid="import-error">
      <p>{errorText(props.error, t('actionFailed'))}</p>
      <Show when={report().length > 0}>
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('ministryImportRow')}</th>
                <th scope="col">{t('ministryImportField')}</th>
                <th scope="col">{t('ministryImportProblem')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={report()}>
                {(p) => (
                  <tr>
                    <td>{p.row}</td>
                    <td class="mono">{p.field}</td>
                    <td>{locale() === 'vi' ? p.problem : p.problemEn}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}
