import { createResource, Show } from 'solid-js';
import { answer, api, type ItemOf } from '../../api.js';
import { loaded } from '../../components/load-state.js';
import { formatDateTime } from '../../i18n/format.js';
import { fill, t } from '../../i18n/index.js';

/** One request for an opinion (lấy ý kiến) as the API answers it, docs/domain/consultations.md. */
export type Consultation = ItemOf<(typeof api.tenants)[':tenantId']['consultations']['inbox']['$get']>;

/**
 * Names of the provinces, for a unit of another province: its name stays in its own province, so
 * the API gives its province only (the public list of provinces names it).
 */
export function useProvinceNames() {
  const [provinces] = createResource(() => (provinceNames ??= readProvinceNames()));
  // Until read, or if the read failed, the unit is "of another province": the list stays usable.
  return (tenantId: string): string | null => loaded(provinces)?.get(tenantId) ?? null;
}

// Read once while the app is open (provinces are reference data), shared by every list; a failed read is tried again next time.
let provinceNames: Promise<Map<string, string>> | undefined;
function readProvinceNames(): Promise<Map<string, string>> {
  return answer(api.provinces.$get()).then(
    (r) => new Map(r.items.map((p) => [p.id, p.name])),
    (error: unknown) => {
      provinceNames = undefined;
      throw error;
    },
  );
}

/** A unit by its name, or (another province's unit) by its province. */
export function unitLabel(name: string | null, tenantId: string, province: ProvinceName): string {
  if (name) return name;
  const of = province(tenantId);
  return of ? fill('consultationOtherProvince', { province: of }) : t('consultationOtherProvinceUnit');
}

export type ProvinceName = ReturnType<typeof useProvinceNames>;

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
