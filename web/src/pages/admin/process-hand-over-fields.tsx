import { For, Show } from 'solid-js';
import type { ProcessStep } from '@gov/domain';
import { errorText } from '../../api.js';
import { t } from '../../i18n/index.js';
import { handsOverToOtherProvince, patchHandOver } from './process-steps.js';
import { provinceName, type ProvinceUnitsCache } from './process-provinces.js';
import type { Province } from './types.js';

interface HandOverFieldsProps {
  id: (field: string) => string;
  step: () => ProcessStep;
  ownTenantId: string;
  ownUnits: () => { id: string; label: string }[];
  /** Other provinces, once loaded (this one excluded). */
  provinces: () => Province[] | undefined;
  provinceUnits: ProvinceUnitsCache;
  onChange: (next: ProcessStep) => void;
}

/**
 * Where a hand-over goes: a unit of this province, or of another province (liên thông giữa hai
 * tỉnh). "This province" holds for a step another province works too: it hands the dossier back.
 */
export function HandOverFields(props: HandOverFieldsProps) {
  // Provinces and their units arrive after the selects are drawn: `selected` on each option keeps
  // the stored choice shown, where the select's `value` alone would fall to the first option.
  const other = () => handsOverToOtherProvince(props.step(), props.ownTenantId);
  const target = () => props.step().handOver?.targetUnitId ?? '';
  const tenant = () => (other() ? (props.step().handOver?.targetTenantId ?? '') : '');
  const loaded = () => props.provinceUnits.get(tenant());
  const failure = () => {
    const units = loaded();
    return units?.state === 'failed' ? units : null;
  };
  const targetOptions = () => {
    if (!other()) return props.ownUnits();
    const units = loaded();
    return units?.state === 'ready' ? units.targets.items.map((u) => ({ id: u.id, label: `${u.name} (${u.code})` })) : [];
  };
  const placeholder = () => (target() === '' ? t('choose') : loaded()?.state === 'loading' ? t('loading') : t('adminUnknownUnit'));
  const setScope = (scope: string) => {
    if (scope === 'other') {
      props.onChange(patchHandOver(props.step(), { targetTenantId: '', targetUnitId: '' }));
      return;
    }
    const own = props.ownUnits();
    const keep = !other() && own.some((u) => u.id === target());
    props.onChange(patchHandOver(props.step(), { targetTenantId: undefined, targetUnitId: keep ? target() : (own[0]?.id ?? '') }));
  };
  const setProvince = (provinceId: string) => {
    props.provinceUnits.ensure(provinceId);
    props.onChange(patchHandOver(props.step(), { targetTenantId: provinceId, targetUnitId: '' }));
  };
  return (
    <>
      <div class="field">
        <label for={props.id('scope')}>{t('adminHandOverScope')}</label>
        <select id={props.id('scope')} value={other() ? 'other' : 'own'} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="own">{t('adminScopeOwnProvince')}</option>
          <option value="other">{t('adminScopeOtherProvince')}</option>
        </select>
      </div>
      <Show when={other()}>
        <div class="field">
          <label for={props.id('province')}>{t('adminHandOverProvince')}</label>
          <select id={props.id('province')} value={tenant()} required onChange={(e) => setProvince(e.currentTarget.value)}>
            <Show when={!props.provinces()?.some((p) => p.id === tenant())}>
              <option value={tenant()}>{tenant() === '' ? t('choose') : (provinceName(props.provinceUnits.get(tenant())) ?? t('loading'))}</option>
            </Show>
            <For each={props.provinces() ?? []}>
              {(p) => (
                <option value={p.id} selected={p.id === tenant()}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
          <Show when={failure()}>
            {(failed) => (
              <p role="alert" class="field-problem">
                {errorText(failed().error, t('loadFailed'))}
              </p>
            )}
          </Show>
        </div>
      </Show>
      <div class="field">
        <label for={props.id('target')}>{t('adminHandOverTarget')}</label>
        <select
          id={props.id('target')}
          value={target()}
          required
          onChange={(e) => props.onChange(patchHandOver(props.step(), { targetUnitId: e.currentTarget.value }))}
        >
          <Show when={!targetOptions().some((u) => u.id === target())}>
            <option value={target()}>{placeholder()}</option>
          </Show>
          <For each={targetOptions()}>
            {(u) => (
              <option value={u.id} selected={u.id === target()}>
                {u.label}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={props.id('direction')}>{t('adminHandOverDirection')}</label>
        <select
          id={props.id('direction')}
          value={props.step().handOver?.direction ?? 'up'}
          onChange={(e) => props.onChange(patchHandOver(props.step(), { direction: e.currentTarget.value as 'up' | 'down' }))}
        >
          <option value="up">{t('adminDirectionUp')}</option>
          <option value="down">{t('adminDirectionDown')}</option>
        </select>
      </div>
    </>
  );
}
