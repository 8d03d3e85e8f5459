import { useSearchParams } from '@solidjs/router';
import { formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { fill, type Period } from './types.js';

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
 * Kỳ báo cáo: two dates, sent as typed; the API checks them (order, length) and its message is
 * shown by the page's load state. Empty fields mean the API's default, this month so far.
 */
export function PeriodFilter(props: { shown: Period | undefined }) {
  const { params, setParams } = usePeriod();
  const submit = (e: SubmitEvent) => {
    const values = formValues(e);
    setParams({ from: values.from || undefined, to: values.to || undefined });
  };
  return (
    <>
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
