import { vietnamDate } from '@gov/calendar';
import { lastClosedQuarter, quarterDays } from '@gov/domain';
import { useSearchParams } from '@solidjs/router';
import { For } from 'solid-js';
import { t } from '../../i18n/index.js';

/** How many quarters back the picker offers: two years. */
const QUARTERS_BACK = 8;

/** The quarter before `quarter` (`2026-Q1` → `2025-Q4`). */
function previous(quarter: string): string {
  const [year, n] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}

/** The quarter running in Vietnam today. */
function currentQuarter(today: string): string {
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The quarters to offer, newest first: the closed ones, and for readers who may see figures so
 * far (the ministry, a province) the running one too. The default is the last closed quarter.
 */
export function quarterChoices(withRunning: boolean): string[] {
  const today = vietnamDate(new Date());
  const choices = withRunning ? [currentQuarter(today)] : [];
  for (let q = lastClosedQuarter(today); choices.length < QUARTERS_BACK; q = previous(q)) choices.push(q);
  return choices;
}

/** The quarter in the address (`?quarter=`), so a reload or a link keeps it; the last closed one by default. */
export function useQuarter() {
  const [params, setParams] = useSearchParams<{ quarter?: string }>();
  const quarter = () => params.quarter ?? lastClosedQuarter(vietnamDate(new Date()));
  return { quarter, setQuarter: (next: string) => setParams({ quarter: next }) };
}

/** A quarter as a person reads it: `Quý 1/2026 (01/01–31/03)`. */
export function quarterLabel(quarter: string): string {
  const { from, to } = quarterDays(quarter);
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
  return `${t('index766Quarter')} ${quarter.slice(6)}/${quarter.slice(0, 4)} (${day(from)}–${day(to)})`;
}

/** Chọn quý. */
export function QuarterPicker(props: { withRunning: boolean }) {
  const { quarter, setQuarter } = useQuarter();
  return (
    <p class="field quarter-picker">
      <label for="index766-quarter">{t('index766Quarter')}</label>{' '}
      <select id="index766-quarter" data-testid="quarter-picker" value={quarter()} onChange={(e) => setQuarter(e.currentTarget.value)}>
        <For each={quarterChoices(props.withRunning)}>{(q) => <option value={q}>{quarterLabel(q)}</option>}</For>
      </select>
    </p>
  );
}
