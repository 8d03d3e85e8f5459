import { useSearchParams } from '@solidjs/router';
import { For } from 'solid-js';
import { formValues } from '../action.js';
import { Field } from '../field.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { fill } from '../../pages/ministry/types.js';
import { periodPresets } from './period-presets.js';
import type { Period } from './report-types.js';
import './reports.css';

/** A civil date (`YYYY-MM-DD`) as the locale writes it, whatever the browser's time zone. */
export function civilDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Noon of that civil day in Vietnam (05:00 UTC), which formatDate shows in Vietnam time.
  return formatDate(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 5)));
}

/** The period in the address (`?from=&to=`), so a reload or a drill-down link keeps it. */
export function usePeriod() {
  const [params, setParams] = useSearchParams<{ from?: string; to?: string }>();
  const query = () => {
    const q = new URLSearchParams();
    if (params.from) q.set('from', params.from);
    if (params.to) q.set('to', params.to);
    const text = q.toString();
    return text ? `?${text}` : '';
  };
  /** The same period as the API's query object. */
  const period = () => ({ ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) });
  return { params, setParams, query, period };
}

/**
 * Kỳ báo cáo: the usual periods in one click (this or last month, quarter, year), or any two
 * dates, sent as typed; the API checks them (order, length) and its message is shown by the
 * page's load state. Empty fields mean the API's default, this month so far.
 */
export function PeriodFilter(props: { shown: Period | undefined }) {
  const { params, setParams } = usePeriod();
  const submit = (e: SubmitEvent) => {
    const values = formValues(e);
    setParams({ from: values.from || undefined, to: values.to || undefined });
  };
  const chosen = (from: string, to: string) => (params.from ?? props.shown?.from) === from && (params.to ?? props.shown?.to) === to;
  return (
    <>
      <div class="period-presets" role="group" aria-label={t('reportPeriodPresets')} data-testid="period-presets">
        <For each={periodPresets()}>
          {(preset) => (
            <button
              type="button"
              class="link-button"
              aria-pressed={chosen(preset.from, preset.to)}
              data-preset={preset.key}
              onClick={() => setParams({ from: preset.from, to: preset.to })}
            >
              {t(`reportPeriod_${preset.key}`)}
            </button>
          )}
        </For>
      </div>
      <form class="period-form" onSubmit={submit} aria-label={t('ministryPeriod')}>
        <Field id="period-from" name="from" type="date" label={t('ministryFrom')} value={params.from ?? props.shown?.from ?? ''} />
        <Field id="period-to" name="to" type="date" label={t('ministryTo')} value={params.to ?? props.shown?.to ?? ''} />
        <button type="submit">{t('ministryApply')}</button>
      </form>
      <p class="muted" data-testid="period-shown" aria-live="polite">
        {props.shown ? fill('ministryPeriodShown', { from: civilDate(props.shown.from), to: civilDate(props.shown.to) }) : ''}
      </p>
    </>
  );
}
