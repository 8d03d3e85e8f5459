import { createResource, For, Show } from 'solid-js';
import { SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { loadProvinces } from './portal-api.js';

/**
 * The province picker: provinces the citizen filed in first (when known), then the others in
 * official code order.
 */
export function ProvinceSelect(props: { id: string; value: string; onChange: (tenantId: string) => void; filed?: string[]; required?: boolean }) {
  const [provinces] = createResource(loadProvinces);
  const filed = () => (provinces() ?? []).filter((p) => props.filed?.includes(p.id));
  const others = () => (provinces() ?? []).filter((p) => !props.filed?.includes(p.id));
  return (
    <SelectField
      id={props.id}
      name="tenantId"
      label={t('portalProvince')}
      required={props.required}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      aria-busy={provinces.loading ? 'true' : undefined}
    >
      <option value="">{t('portalChooseProvince')}</option>
      <Show
        when={filed().length > 0}
        fallback={
          <For each={others()}>
            {(p) => (
              <option value={p.id} selected={p.id === props.value}>
                {p.fullName}
              </option>
            )}
          </For>
        }
      >
        <optgroup label={t('portalFiledIn')}>
          <For each={filed()}>
            {(p) => (
              <option value={p.id} selected={p.id === props.value}>
                {p.fullName}
              </option>
            )}
          </For>
        </optgroup>
        <optgroup label={t('portalOtherProvinces')}>
          <For each={others()}>
            {(p) => (
              <option value={p.id} selected={p.id === props.value}>
                {p.fullName}
              </option>
            )}
          </For>
        </optgroup>
      </Show>
    </SelectField>
  );
}
