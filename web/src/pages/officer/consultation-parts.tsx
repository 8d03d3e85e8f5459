import { createResource, Show } from 'solid-js';
import { answer, api, type ItemOf } from '../../api.js';
import { formatDateTime } from '../../i18n/format.js';
import { fill, t } from '../../i18n/index.js';

/** One request for an opinion (lấy ý kiến) as the API answers it, docs/domain/consultations.md. */
export type Consultation = ItemOf<(typeof api.tenants)[':tenantId']['consultations']['inbox']['$get']>;

/**
 * Names of the provinces, for a unit of another province: its name stays in its own province, so
 * the API gives its province only (the public list of provinces names it).
 */
export function useProvinceNames() {
  const [provinces] = createResource(() => answer(api.provinces.$get()).then((r) => new Map(r.items.map((p) => [p.id, p.name]))));
  return (tenantId: string) => provinces.latest?.get(tenantId) ?? tenantId;
}

/** A unit by its name, or (another province's unit) by its province. */
export function unitLabel(name: string | null, tenantId: string, province: (tenantId: string) => string): string {
  return name ?? fill('consultationOtherProvince', { province: province(tenantId) });
}

/** The deadline, flagged in words when the request is late (answered after it, or unanswered past it). */
export function DueCell(props: { item: Consultation }) {
  return (
    <>
      <span class="cell-main">{formatDateTime(props.item.dueAt)}</span>
      <Show when={props.item.late}>
        <span class="badge badge-overdue" data-testid="consultation-late">
          {t('officerOverdue')}
        </span>
      </Show>
    </>
  );
}

/** Answered (when) or not yet. */
export function StateCell(props: { item: Consultation }) {
  return (
    <Show when={props.item.answeredAt} fallback={<span class="badge">{t('consultationUnanswered')}</span>}>
      {(at) => <span class="cell-main">{fill('consultationAnswered', { at: formatDateTime(at()) })}</span>}
    </Show>
  );
}
