import { For } from 'solid-js';
import { t } from '../../i18n/index.js';
import { CohortCells, CohortColgroups, CohortHead } from './cohort-columns.js';
import type { DossierCounts, UnitReport, UnitRow } from './report-types.js';

/**
 * One province by receiving unit, in the same columns as the national ranking. The last line adds
 * up the lines above: the province's, or only the units in the reader's charge (`scope`).
 */
export function UnitReportTable(props: { rows: UnitRow[]; totals: DossierCounts; scope: UnitReport['scope'] }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="units-report-heading">
      <table class="data-table cohort-table" data-testid="unit-report-table">
        <CohortColgroups leading={1} />
        <CohortHead
          leading={
            <th scope="col" rowSpan={2}>
              {t('ministryUnit')}
            </th>
          }
        />
        <tbody>
          <For each={props.rows}>
            {(unit) => (
              <tr data-testid={`unit-report-${unit.code}`}>
                <th scope="row">{unit.name}</th>
                <CohortCells counts={unit} />
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid="province-totals">
            <th scope="row">{props.scope === 'province' ? t('ministryProvinceTotals') : t('reportUnitsTotals')}</th>
            <CohortCells counts={props.totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
