import { createUniqueId, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import './reports.css';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 400;
const ROW = 42;

/**
 * A horizontal bar chart drawn as SVG (no chart library: the page must stay light). The picture is
 * hidden from screen readers; the same numbers follow in a table they read instead, so nothing is
 * only in the drawing. Each label sits above its bar so long province names fit on a phone.
 */
export function BarChart(props: { caption: string; bars: Bar[]; max?: number; format: (value: number) => string; warn?: boolean; testId: string }) {
  const id = createUniqueId();
  const max = () => props.max ?? Math.max(1, ...props.bars.map((b) => b.value));
  const width = (value: number) => Math.max(value > 0 ? 2 : 0, (value / max()) * (WIDTH - 70));
  return (
    <figure class="chart" data-testid={props.testId} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{props.caption}</figcaption>
      <Show when={props.bars.length > 0} fallback={<p class="muted">{t('ministryChartEmpty')}</p>}>
        <svg viewBox={`0 0 ${WIDTH} ${props.bars.length * ROW}`} aria-hidden="true">
          <For each={props.bars}>
            {(bar, i) => (
              <g transform={`translate(0 ${i() * ROW})`}>
                <text x="0" y="15">
                  {bar.label}
                </text>
                <rect class="bar-track" x="0" y="21" width={WIDTH - 70} height="14" rx="2" />
                <rect class={props.warn ? 'bar bar-warn' : 'bar'} x="0" y="21" width={width(bar.value)} height="14" rx="2" />
                <text x={WIDTH - 64} y="33">
                  {props.format(bar.value)}
                </text>
              </g>
            )}
          </For>
        </svg>
        {/* Hidden by its wrapper: a table never shrinks to the 1 px a hiding class gives it. */}
        <div class="visually-hidden">
          <table>
            <caption>{`${props.caption}: ${t('ministryChartTable')}`}</caption>
            <tbody>
              <For each={props.bars}>
                {(bar) => (
                  <tr>
                    <th scope="row">{bar.label}</th>
                    <td>{props.format(bar.value)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </figure>
  );
}
