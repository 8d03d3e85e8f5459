import { VIETNAM_UTC_OFFSET, vietnamLocalDateTime } from '@gov/calendar';
import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, basedOn, errorText, type Answer, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { loaded } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDate } from '../../i18n/format.js';
import { pick, t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import './admin.css';

const calendarApi = api.tenants[':tenantId'].calendar;
/** The province's calendar settings; `revision` is 0 until the province saves its own. */
type CalendarAnswer = Answer<typeof calendarApi.$get>;
type Period = NonNullable<CalendarAnswer['workingHours']['weekday']>[number];
type Override = CalendarAnswer['overrides'][number];
type DueDateAnswer = Answer<(typeof calendarApi)['due-date']['$post']>;

/** The national defaults (services/calendar), shown until the province saves its own hours. */
const DEFAULT_HOURS: Period[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

/** Vietnam's clock (UTC+7, no daylight saving), whatever the browser's time zone. */
const vietnamNow = () => vietnamLocalDateTime(Date.now()).slice(0, 16);
const vietnamYear = () => Number(vietnamNow().slice(0, 4));

/** `2026-02-27` shown as the locale's date: noon of that day in Vietnam (UTC+7, no DST), shown in Vietnam time. */
const civilDate = (ymd: string) => formatDate(new Date(`${ymd.slice(0, 10)}T12:00:00${VIETNAM_UTC_OFFSET}`));

/** Lịch làm việc: the province's hours, its own days off and make-up days, and a due-date check. */
export default function CalendarPage() {
  return <RequireConsole allowed={() => can('read', 'Calendar')}>{(tenantId) => <Calendar tenantId={tenantId} />}</RequireConsole>;
}

function Calendar(props: { tenantId: string }) {
  const [year, setYear] = createSignal(vietnamYear());
  const [calendar, { refetch }] = createResource(year, (y) => answer(calendarApi.$get({ param: { tenantId: props.tenantId }, query: { year: String(y) } })));
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const mayUpdate = () => can('update', 'Calendar', { tenantId: props.tenantId });
  return (
    <section aria-labelledby="calendar-heading">
      <h1 id="calendar-heading">{t('adminCalendarHeading')}</h1>
      <p class="muted">{t('adminCalendarIntro')}</p>
      <div class="button-row year-picker">
        <button type="button" onClick={() => setYear((y) => y - 1)} aria-label={t('adminPreviousYear')}>
          ‹
        </button>
        <strong aria-live="polite">{`${t('adminYear')} ${year()}`}</strong>
        <button type="button" onClick={() => setYear((y) => y + 1)} aria-label={t('adminNextYear')}>
          ›
        </button>
      </div>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <div class="two-col">
        <div>
          <Show when={calendar.state === 'errored'}>
            <div role="alert" class="error">
              {errorText(calendar.error as unknown, t('loadFailed'))}{' '}
              <button type="button" class="link-button" onClick={() => void refetch()}>
                {t('retry')}
              </button>
            </div>
          </Show>
          <Show when={!loaded(calendar) && calendar.loading}>
            <p aria-busy="true" class="muted">
              {t('loading')}
            </p>
          </Show>
          {/* Keyed: a reload (another year, or after saving) starts the editor from what the API stored. */}
          <Show when={loaded(calendar)} keyed>
            {(data) => (
              <>
                <CalendarSettings
                  tenantId={props.tenantId}
                  data={data}
                  editable={mayUpdate()}
                  onSaved={() => {
                    setNotice('adminCalendarSaved');
                    void refetch();
                  }}
                />
                <SpecialDays data={data} />
              </>
            )}
          </Show>
        </div>
        {/* Outside the keyed part, so a saved calendar keeps the admin's inputs here. */}
        <DueDateTool tenantId={props.tenantId} />
      </div>
    </section>
  );
}

function CalendarSettings(props: { tenantId: string; data: CalendarAnswer; editable: boolean; onSaved: () => void }) {
  // Local copies edited on screen; saved as one document (the API replaces the whole settings).
  const initialHours = props.data.workingHours.weekday ?? DEFAULT_HOURS;
  const [hours, setHours] = createSignal<Period[]>([initialHours[0] ?? DEFAULT_HOURS[0]!, initialHours[1] ?? DEFAULT_HOURS[1]!]);
  const [overrides, setOverrides] = createSignal<Override[]>(props.data.overrides);
  const [dirty, setDirty] = createSignal(false);
  const thisYear = () =>
    overrides()
      .filter((o) => o.date.startsWith(String(props.data.year)))
      .sort((a, b) => a.date.localeCompare(b.date));
  const setPeriod = (index: number, field: keyof Period, value: string) => {
    setHours((list) => list.map((p, i) => (i === index ? { ...p, [field]: value } : p)));
    setDirty(true);
  };
  const save = createAction(
    async () => {
      const json = { workingHours: { ...props.data.workingHours, weekday: hours() }, overrides: overrides() };
      await answer(calendarApi.$put({ param: { tenantId: props.tenantId }, json }, { headers: basedOn(props.data.revision) }));
      setDirty(false);
      props.onSaved();
    },
    // The settings are reloaded from what is saved now; this person's edits are not kept over them.
    { onStale: () => props.onSaved() },
  );
  const [addError, setAddError] = createSignal<MessageKey | null>(null);
  const add = (e: SubmitEvent) => {
    const form = e.currentTarget as HTMLFormElement;
    const values = formValues(e);
    const date = values.date ?? '';
    if (overrides().some((o) => o.date === date)) {
      setAddError('adminOverrideDuplicate');
      return;
    }
    setAddError(null);
    setOverrides((list) => [...list, { date, status: values.status === 'work' ? 'work' : 'off', name: (values.name ?? '').trim() }]);
    setDirty(true);
    form.reset();
  };
  const sessionLabel = (i: number) => t(i === 0 ? 'adminMorning' : 'adminAfternoon');
  return (
    <div class="card" data-testid="calendar-settings">
      <h2 id="hours-heading">{t('adminWorkingHours')}</h2>
      <div class="hours-grid" role="group" aria-labelledby="hours-heading">
        <For each={[0, 1]}>
          {(i) => (
            <fieldset>
              <legend>{sessionLabel(i)}</legend>
              <label for={`h-${i}-start`}>{t('adminFrom')}</label>
              <input
                id={`h-${i}-start`}
                type="time"
                value={hours()[i]?.start}
                disabled={!props.editable}
                onInput={(e) => setPeriod(i, 'start', e.currentTarget.value)}
                aria-label={`${sessionLabel(i)}: ${t('adminFrom')}`}
              />
              <label for={`h-${i}-end`}>{t('adminTo')}</label>
              <input
                id={`h-${i}-end`}
                type="time"
                value={hours()[i]?.end}
                disabled={!props.editable}
                onInput={(e) => setPeriod(i, 'end', e.currentTarget.value)}
                aria-label={`${sessionLabel(i)}: ${t('adminTo')}`}
              />
            </fieldset>
          )}
        </For>
      </div>

      <h2 id="overrides-heading">{`${t('adminOverrides')} ${props.data.year}`}</h2>
      <p class="muted">{t('adminOverridesIntro')}</p>
      <Show when={thisYear().length > 0} fallback={<p class="muted">{t('empty')}</p>}>
        <DataTable
          labelledBy="overrides-heading"
          testId="override-table"
          rows={thisYear()}
          columns={[
            { header: t('adminDate'), cell: (o) => civilDate(o.date) },
            { header: t('adminDayStatus'), cell: (o) => t(o.status === 'off' ? 'adminDayOff' : 'adminDayWork') },
            { header: t('adminDayName'), cell: (o) => o.name },
            ...(props.editable
              ? [
                  {
                    header: t('adminActions'),
                    cell: (o: Override) => (
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => {
                          setOverrides((list) => list.filter((x) => x.date !== o.date));
                          setDirty(true);
                        }}
                        aria-label={`${t('adminRemove')}: ${civilDate(o.date)}`}
                      >
                        {t('adminRemove')}
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Show>
      <Show when={props.editable}>
        <form class="override-form" onSubmit={add} aria-labelledby="add-override-heading" data-testid="override-form">
          <h3 id="add-override-heading">{t('adminAddOverride')}</h3>
          <div class="field">
            <label for="o-date">{t('adminDate')}</label>
            <input id="o-date" name="date" type="date" required min={`${props.data.year}-01-01`} max={`${props.data.year}-12-31`} />
          </div>
          <div class="field">
            <label for="o-status">{t('adminDayStatus')}</label>
            <select id="o-status" name="status">
              <option value="off">{t('adminDayOff')}</option>
              <option value="work">{t('adminDayWork')}</option>
            </select>
          </div>
          <div class="field">
            <label for="o-name">{t('adminDayName')}</label>
            <input id="o-name" name="name" required maxLength={200} />
          </div>
          <Show when={addError()}>
            {(key) => (
              <p role="alert" class="error">
                {t(key())}
              </p>
            )}
          </Show>
          <button type="submit">{t('adminAddOverride')}</button>
        </form>
        <Show when={save.error()}>
          {(e) => (
            <p role="alert" class="error">
              {errorText(e(), t('actionFailed'))}
            </p>
          )}
        </Show>
        <div class="button-row">
          <button type="button" class="primary" disabled={save.busy()} onClick={() => void save.run()}>
            {save.busy() ? t('saving') : t('adminSaveCalendar')}
          </button>
          <Show when={dirty()}>
            <span class="muted">{t('adminUnsaved')}</span>
          </Show>
        </div>
      </Show>
    </div>
  );
}

function SpecialDays(props: { data: CalendarAnswer }) {
  return (
    <div class="card">
      <h2 id="special-days-heading">{`${t('adminSpecialDays')} ${props.data.year}`}</h2>
      <p class="muted">{`${t('adminNationalSource')}: ${pick(props.data.nationalSource)}`}</p>
      <Show when={props.data.specialDays.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
        <DataTable
          labelledBy="special-days-heading"
          testId="special-days"
          rows={props.data.specialDays}
          columns={[
            { header: t('adminDate'), cell: (d) => civilDate(d.date) },
            { header: t('adminDayStatus'), cell: (d) => t(d.status === 'off' ? 'adminDayOff' : 'adminDayWork') },
            { header: t('adminDayName'), cell: (d) => (d.kind === 'local' ? `${d.name} (${t('adminLocal')})` : d.name) },
          ]}
        />
      </Show>
    </div>
  );
}

/** Tính hạn trả: the promised date the API would print on a receipt taken at the given time. */
function DueDateTool(props: { tenantId: string }) {
  const [result, setResult] = createSignal<DueDateAnswer | null>(null);
  const compute = createAction(async (values: Record<string, string>) => {
    setResult(null);
    const json = {
      // The input is Vietnam time; the API wants an offset.
      receivedAt: `${values.receivedAt ?? ''}:00${VIETNAM_UTC_OFFSET}`,
      amount: Number(values.amount),
      unit: values.unit,
    } as Body<(typeof calendarApi)['due-date']['$post']>;
    setResult(await answer(calendarApi['due-date'].$post({ param: { tenantId: props.tenantId }, json })));
  });
  return (
    <form class="card stack-form" aria-labelledby="due-heading" data-testid="due-date-tool" onSubmit={(e) => void compute.run(formValues(e))}>
      <h2 id="due-heading">{t('adminDueDate')}</h2>
      <p class="muted">{t('adminDueDateIntro')}</p>
      <div class="field">
        <label for="d-received">{t('adminReceivedAt')}</label>
        <input
          id="d-received"
          name="receivedAt"
          type="datetime-local"
          required
          value={vietnamNow()}
          aria-invalid={compute.problem('receivedAt') ? 'true' : undefined}
        />
      </div>
      <div class="field">
        <label for="d-amount">{t('adminAmount')}</label>
        <input
          id="d-amount"
          name="amount"
          type="number"
          min="0"
          max="365"
          step="0.5"
          required
          value="5"
          aria-invalid={compute.problem('amount') ? 'true' : undefined}
        />
      </div>
      <div class="field">
        <label for="d-unit">{t('adminAmountUnit')}</label>
        <select id="d-unit" name="unit">
          <option value="working_days">{t('adminWorkingDays')}</option>
          <option value="working_hours">{t('adminWorkingHoursUnit')}</option>
          <option value="calendar_days">{t('adminCalendarDays')}</option>
        </select>
      </div>
      <Show when={compute.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <button type="submit" class="primary" disabled={compute.busy()}>
        {t('adminCompute')}
      </button>
      <p aria-live="polite" data-testid="due-date-result">
        <Show when={result()}>
          {(r) => (
            <>
              {t('adminDueAt')}: <strong>{`${r().dueAtLocal.slice(11, 16)}, ${civilDate(r().dueAtLocal)}`}</strong>
            </>
          )}
        </Show>
      </p>
    </form>
  );
}
