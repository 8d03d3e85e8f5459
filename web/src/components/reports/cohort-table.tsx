import { For, type JSX } from 'solid-js';
import { CohortCells, CohortColgroups, CohortHead } from './cohort-columns.js';
import type { DossierCounts } from './report-types.js';

/**
 * A report table in the periodic report's columns: one line per row (a unit, a procedure), named
 * in its first cell, then the line that adds them up. Scrolls sideways on its own on a phone.
 */
export function CohortTable<R extends DossierCounts>(props: {
  labelledBy: string;
  testId: string;
  leadingHeader: string;
  rows: readonly R[];
  rowTestId: (row: R) => string;
  rowHeader: (row: R) => JSX.Element;
  totals: DossierCounts;
  totalsLabel: string;
  totalsTestId: string;
}) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.labelledBy}>
      <table class="data-table cohort-table" data-testid={props.testId}>
        <CohortColgroups leading={1} />
        <CohortHead
          leading={
            <th scope="col" rowSpan={2}>
              {props.leadingHeader}
            </th>
          }
        />
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr data-testid={props.rowTestId(row)}>
                <th scope="row">{props.rowHeader(row)}</th>
                <CohortCells counts={row} />
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid={props.totalsTestId}>
            <th scope="row">{props.totalsLabel}</th>
            <CohortCells counts={props.totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
