import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, type Answer } from '../../api.js';
import { formValues } from '../../components/action.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Field, SelectField } from '../../components/field.js';
import { LoadOne, loaded } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { civilDate } from '../../components/reports/period-filter.js';
import { fill } from '../ministry/types.js';
// The filter form's styles are the officer workspace's.
import '../officer/officer.css';

/** The results' answer, typed from the API's route: a change there breaks this type check. */
type SurveyResults = Answer<(typeof api.tenants)[':tenantId']['survey-results']['$get']>;
type Scores = SurveyResults['total'];
type UnitRow = SurveyResults['byUnit'][number];
type ProcedureRow = SurveyResults['byProcedure'][number];

const FILTERS = ['from', 'to', 'unitId', 'procedureCode'] as const;

/**
 * Kết quả đánh giá sự hài lòng: counts and averages of the four criteria by receiving unit and by
 * procedure, within the reader's units (the API scopes them), never a single answer.
 */
export default function SurveyResultsPage() {
  return <RequireConsole allowed={() => can('read', 'Report')}>{(tenantId) => <Results tenantId={tenantId} />}</RequireConsole>;
}

function Results(props: { tenantId: string }) {
  const [filters, setFilters] = createSignal<Record<string, string>>({});
  const [results, { refetch }] = createResource(filters, (query) =>
    answer(api.tenants[':tenantId']['survey-results'].$get({ param: { tenantId: props.tenantId }, query })),
  );
  // The unit choice: the province's tree for whoever may read it; otherwise (a leader) the units the results have shown.
  const [units] = createResource(
    () => can('read', 'OrgUnit'),
    async (allowed) => (allowed ? (await answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } }))).items : []),
  );
  const unitChoices = () => {
    const tree = loaded(units) ?? [];
    const seen = (loaded(results)?.byUnit ?? []).map((row) => ({ id: row.unitId, name: row.unitName }));
    return [...(tree.length > 0 ? tree : seen)].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  };
  const apply = (event: SubmitEvent) => {
    const values = formValues(event);
    setFilters(Object.fromEntries(FILTERS.map((key) => [key, values[key]?.trim() ?? '']).filter(([, value]) => value !== '')));
  };
  return (
    <section aria-labelledby="survey-results-heading">
      <h1 id="survey-results-heading">{t('surveyResultsHeading')}</h1>
      <p class="muted">{t('surveyResultsIntro')}</p>
      <form class="filter-form" role="search" aria-label={t('surveyResultsFilters')} data-testid="survey-results-filters" onSubmit={apply}>
        <Field id="sr-from" name="from" type="date" label={t('surveyResultsFrom')} />
        <Field id="sr-to" name="to" type="date" label={t('surveyResultsTo')} />
        <SelectField id="sr-unit" name="unitId" label={t('surveyResultsUnit')}>
          <option value="">{t('surveyResultsAnyUnit')}</option>
          <For each={unitChoices()}>{(unit) => <option value={unit.id}>{unit.name}</option>}</For>
        </SelectField>
        <Field id="sr-procedure" name="procedureCode" label={t('surveyResultsProcedure')} maxLength={20} />
        <div class="button-row">
          <button type="submit" class="primary">
            {t('surveyResultsApply')}
          </button>
        </div>
      </form>
      <LoadOne data={results} retry={() => void refetch()}>
        {(current) => (
          <>
            <p class="muted" data-testid="survey-results-period" aria-live="polite">
              {fill('surveyResultsPeriod', { from: civilDate(current().period.from), to: civilDate(current().period.to) })}
            </p>
            <Show when={current().total.count > 0} fallback={<p data-testid="survey-results-empty">{t('surveyResultsEmpty')}</p>}>
              <h2 id="survey-by-unit-heading">{t('surveyResultsByUnit')}</h2>
              <DataTable
                labelledBy="survey-by-unit-heading"
                testId="survey-by-unit"
                rows={[...current().byUnit, { ...current().total, unitId: '', unitCode: '', unitName: t('surveyResultsTotal') }]}
                columns={[{ header: t('surveyResultsUnit'), cell: (row: UnitRow) => row.unitName }, ...scoreColumns<UnitRow>()]}
              />
              <h2 id="survey-by-procedure-heading">{t('surveyResultsByProcedure')}</h2>
              <DataTable
                labelledBy="survey-by-procedure-heading"
                testId="survey-by-procedure"
                rows={current().byProcedure}
                columns={[
                  {
                    header: t('workListsProcedureName'),
                    cell: (row: ProcedureRow) => (
                      <>
                        <span class="cell-main">{row.procedureName ?? row.procedureCode}</span>
                        <span class="cell-sub mono">{row.procedureCode}</span>
                      </>
                    ),
                  },
                  ...scoreColumns<ProcedureRow>(),
                ]}
              />
            </Show>
          </>
        )}
      </LoadOne>
    </section>
  );
}

const average = (value: number | null) => (value === null ? '—' : formatNumber(value, 2));

/** The answers' count, then the average of each criterion in the survey's order. */
function scoreColumns<T extends Scores>(): Column<T>[] {
  return [
    { header: t('surveyResultsCount'), class: 'num', cell: (row) => formatNumber(row.count) },
    { header: t('surveyAttitude'), class: 'num', cell: (row) => average(row.attitude) },
    { header: t('surveyTimeliness'), class: 'num', cell: (row) => average(row.timeliness) },
    { header: t('surveyClarity'), class: 'num', cell: (row) => average(row.clarity) },
    { header: t('surveyOverall'), class: 'num', cell: (row) => average(row.overall) },
  ];
}
