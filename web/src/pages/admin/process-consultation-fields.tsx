import { For, Index, Show } from 'solid-js';
import type { ConsultedUnit, ProcessStep, StepConsultation } from '@gov/domain';
import { t } from '../../i18n/index.js';
import { provinceName, type ProvinceUnitsCache } from './process-provinces.js';
import type { Province } from './types.js';

interface ConsultationFieldsProps {
  id: (field: string) => string;
  step: () => ProcessStep;
  ownTenantId: string;
  ownUnits: () => { id: string; label: string }[];
  provinces: () => Province[] | undefined;
  provinceUnits: ProvinceUnitsCache;
  onChange: (next: ProcessStep) => void;
}

/** The step with its consultation replaced, or removed (undefined). */
function withConsultation(step: ProcessStep, consultation: StepConsultation | undefined): ProcessStep {
  const { consultation: _old, ...rest } = step;
  return consultation ? { ...rest, consultation } : rest;
}

/**
 * A step that asks several units for their opinion at once (lấy ý kiến, docs/domain/consultations.md):
 * the units, in this province or under an agreement in another, each with its answer deadline in
 * working hours, and whether the dossier waits for every answer or moves on at the step's
 * deadline. The designer's validation checks the rest when the draft is saved.
 */
export function ConsultationFields(props: ConsultationFieldsProps) {
  const consultation = () => props.step().consultation;
  const firstOwn = () => props.ownUnits().find((u) => u.id !== props.step().orgUnitId)?.id ?? '';
  const hours = () => Math.max(1, Math.min(8, props.step().allottedWorkingHours || 8));
  const set = (next: StepConsultation | undefined) => props.onChange(withConsultation(props.step(), next));
  const setUnit = (i: number, unit: ConsultedUnit) => set({ ...consultation()!, units: consultation()!.units.map((u, j) => (j === i ? unit : u)) });
  const toggle = (on: boolean) => set(on ? { wait: 'all', units: [{ orgUnitId: firstOwn(), workingHours: hours() }] } : undefined);
  return (
    <fieldset class="consultation">
      <legend>{t('consultationHeading')}</legend>
      <div class="field">
        <label>
          <input type="checkbox" id={props.id('consults')} checked={consultation() !== undefined} onChange={(e) => toggle(e.currentTarget.checked)} />{' '}
          {t('consultationToggle')}
        </label>
      </div>
      <Show when={consultation()}>
        {(c) => (
          <>
            <div class="field">
              <label for={props.id('consult-question')}>{t('consultationQuestion')}</label>
              <input
                id={props.id('consult-question')}
                maxLength={1000}
                value={c().question ?? ''}
                onInput={(e) => set({ ...c(), question: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={props.id('consult-wait')}>{t('consultationWait')}</label>
              <select id={props.id('consult-wait')} value={c().wait} onChange={(e) => set({ ...c(), wait: e.currentTarget.value as StepConsultation['wait'] })}>
                <option value="all">{t('consultationWaitAll')}</option>
                <option value="deadline">{t('consultationWaitDeadline')}</option>
              </select>
            </div>
            <fieldset>
              <legend>{t('consultationUnitsLegend')}</legend>
              <Index each={c().units}>
                {(unit, i) => (
                  <UnitRow
                    id={(f) => props.id(`consult-${i}-${f}`)}
                    unit={unit}
                    ownTenantId={props.ownTenantId}
                    ownUnits={props.ownUnits}
                    provinces={props.provinces}
                    provinceUnits={props.provinceUnits}
                    onChange={(next) => setUnit(i, next)}
                    onRemove={() => set(c().units.length > 1 ? { ...c(), units: c().units.filter((_, j) => j !== i) } : undefined)}
                  />
                )}
              </Index>
              <button type="button" class="secondary" onClick={() => set({ ...c(), units: [...c().units, { orgUnitId: firstOwn(), workingHours: hours() }] })}>
                {t('consultationAddUnit')}
              </button>
            </fieldset>
          </>
        )}
      </Show>
    </fieldset>
  );
}

function UnitRow(props: {
  id: (field: string) => string;
  unit: () => ConsultedUnit;
  ownTenantId: string;
  ownUnits: () => { id: string; label: string }[];
  provinces: () => Province[] | undefined;
  provinceUnits: ProvinceUnitsCache;
  onChange: (next: ConsultedUnit) => void;
  onRemove: () => void;
}) {
  const tenant = () => props.unit().tenantId ?? '';
  const other = () => props.unit().tenantId !== undefined && props.unit().tenantId !== props.ownTenantId;
  const options = () => {
    if (!other()) return props.ownUnits();
    const loaded = props.provinceUnits.get(tenant());
    return loaded?.state === 'ready' ? loaded.targets.items.map((u) => ({ id: u.id, label: `${u.name} (${u.code})` })) : [];
  };
  const setScope = (scope: string) => {
    const { tenantId: _t, ...rest } = props.unit();
    props.onChange(scope === 'other' ? { ...rest, tenantId: '', orgUnitId: '' } : { ...rest, orgUnitId: props.ownUnits()[0]?.id ?? '' });
  };
  const setProvince = (provinceId: string) => {
    props.provinceUnits.ensure(provinceId);
    props.onChange({ ...props.unit(), tenantId: provinceId, orgUnitId: '' });
  };
  return (
    <div class="consultation-unit">
      <div class="field">
        <label for={props.id('scope')}>{t('consultationUnitScope')}</label>
        <select id={props.id('scope')} value={other() ? 'other' : 'own'} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="own">{t('adminScopeOwnProvince')}</option>
          <option value="other">{t('adminScopeOtherProvince')}</option>
        </select>
      </div>
      <Show when={other()}>
        <div class="field">
          <label for={props.id('province')}>{t('consultationProvince')}</label>
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
        </div>
      </Show>
      <div class="field">
        <label for={props.id('unit')}>{t('consultationUnit')}</label>
        <select
          id={props.id('unit')}
          value={props.unit().orgUnitId}
          required
          onChange={(e) => props.onChange({ ...props.unit(), orgUnitId: e.currentTarget.value })}
        >
          <Show when={!options().some((u) => u.id === props.unit().orgUnitId)}>
            <option value={props.unit().orgUnitId}>{props.unit().orgUnitId === '' ? t('choose') : t('loading')}</option>
          </Show>
          <For each={options()}>
            {(u) => (
              <option value={u.id} selected={u.id === props.unit().orgUnitId}>
                {u.label}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={props.id('hours')}>{t('consultationHours')}</label>
        <input
          id={props.id('hours')}
          type="number"
          min="1"
          step="0.5"
          inputmode="decimal"
          value={props.unit().workingHours}
          onInput={(e) => props.onChange({ ...props.unit(), workingHours: e.currentTarget.value === '' ? 0 : Number(e.currentTarget.value) })}
        />
      </div>
      <button type="button" class="secondary" aria-label={t('consultationRemoveUnit')} onClick={() => props.onRemove()}>
        {t('consultationRemoveUnit')}
      </button>
    </div>
  );
}
