import { t } from '../../i18n/index.js';
import { CohortTable } from './cohort-table.js';
import type { DossierCounts, UnitReport, UnitRow } from './report-types.js';

/**
 * One province by receiving unit, in the same columns as the national ranking. The last line adds
 * up the lines above: the province's, or only the units in the reader's charge (`scope`).
 */
export function UnitReportTable(props: { rows: UnitRow[]; totals: DossierCounts; scope: UnitReport['scope'] }) {
  return (
    <CohortTable
      labelledBy="units-report-heading"
      testId="unit-report-table"
      leadingHeader={t('ministryUnit')}
      rows={props.rows}
      rowTestId={(unit) => `unit-report-${unit.code}`}
      rowHeader={(unit) => unit.name}
      totals={props.totals}
      totalsLabel={props.scope === 'province' ? t('ministryProvinceTotals') : t('reportUnitsTotals')}
      totalsTestId="province-totals"
    />
  );
}
