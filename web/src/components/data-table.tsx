import { For, type JSX } from 'solid-js';

export interface Column<T> {
  header: string;
  cell: (row: T) => JSX.Element;
  /** Extra class on the cells (e.g. `mono`, `num`). */
  class?: string;
}

/**
 * One table of rows, scrollable sideways on a phone. The region is focusable so keyboard users
 * can scroll it, and named by the page heading it belongs to.
 */
export function DataTable<T>(props: { labelledBy: string; testId: string; columns: Column<T>[]; rows: T[]; rowTestId?: (row: T) => string }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.labelledBy}>
      <table class="data-table" data-testid={props.testId}>
        <thead>
          <tr>
            <For each={props.columns}>{(column) => <th scope="col">{column.header}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr data-testid={props.rowTestId?.(row)}>
                <For each={props.columns}>{(column) => <td class={column.class}>{column.cell(row)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
