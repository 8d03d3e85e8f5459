import { createResource, For, Show, type JSX } from 'solid-js';
import { formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { ExportLinks } from '../export-links.js';
import { LoadOne } from '../load-state.js';
import { usePeriod } from './period-filter.js';

type Period = ReturnType<ReturnType<typeof usePeriod>['period']>;

/** The province's reports that sit under its report by unit, each at `/api/reports/provinces/:t/<name>`. */
export type SectionName = 'procedures' | 'officers' | 'fees' | 'consultations';

/**
 * One section of a province's report page: its heading and note, the downloads of the same report
 * for the page's period, and the figures once loaded (or the load state's message and retry). The
 * API decides the reader's scope; the section only shows what it answers.
 */
export function ReportSection<T>(props: {
  name: SectionName;
  tenantId: string;
  testId: string;
  heading: MessageKey;
  note: MessageKey;
  download: MessageKey;
  load: (tenantId: string, period: Period) => Promise<T>;
  children: (data: T, headingId: string) => JSX.Element;
}) {
  const { params, period } = usePeriod();
  const [report, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, query: period() }),
    ({ tenantId, query }) => props.load(tenantId, query),
  );
  const headingId = `${props.name}-report-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={props.testId}>
      <h2 id={headingId}>{t(props.heading)}</h2>
      <p class="muted">{t(props.note)}</p>
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(props.tenantId)}/${props.name}`}
        filters={{ from: params.from, to: params.to }}
        label={t(props.download)}
        testId={`export-${props.name}`}
      />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => props.children(data(), headingId)}
      </LoadOne>
    </section>
  );
}

/** A column of counts: its field, its header, and whether a count above zero is a warning. */
export type CountColumn<K extends string> = { key: K; label: MessageKey; warn?: boolean };

/** The header cells of the count columns. */
export function CountHeaders<K extends string>(props: { columns: readonly CountColumn<K>[] }) {
  return (
    <For each={props.columns}>
      {(c) => (
        <th scope="col" class="num">
          {t(c.label)}
        </th>
      )}
    </For>
  );
}

/** One line's counts, in the columns' order; a warning column above zero stands out. */
export function CountCells<K extends string>(props: { columns: readonly CountColumn<K>[]; values: Record<K, number> }) {
  return (
    <For each={props.columns}>
      {(c) => (
        <td class={c.warn && props.values[c.key] > 0 ? 'num warn-count' : 'num'} data-col={c.key}>
          {formatNumber(props.values[c.key])}
        </td>
      )}
    </For>
  );
}

/**
 * A report's figures by unit: one line per unit with its counts and a line of totals, or a note
 * when the period has none. `testId` names the table (`<testId>-table`) and the totals line
 * (`<testId>-totals`).
 */
export function UnitCountTable<K extends string>(props: {
  headingId: string;
  testId: string;
  unitHeader: MessageKey;
  empty: MessageKey;
  columns: readonly CountColumn<K>[];
  items: (Record<K, number> & { name: string })[];
  totals: Record<K, number>;
}) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="muted">{t(props.empty)}</p>}>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.headingId}>
        <table class="data-table" data-testid={`${props.testId}-table`}>
          <thead>
            <tr>
              <th scope="col">{t(props.unitHeader)}</th>
              <CountHeaders columns={props.columns} />
            </tr>
          </thead>
          <tbody>
            <For each={props.items}>
              {(row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  <CountCells columns={props.columns} values={row} />
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr data-testid={`${props.testId}-totals`}>
              <th scope="row">{t('reportOfficersTotals')}</th>
              <CountCells columns={props.columns} values={props.totals} />
            </tr>
          </tfoot>
        </table>
      </div>
    </Show>
  );
}
