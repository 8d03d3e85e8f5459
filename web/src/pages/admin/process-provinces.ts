import { createSignal } from 'solid-js';
import { answer, api } from '../../api.js';
import type { HandOverTargets } from './types.js';

/** What the designer knows of one other province's units: loaded, or why not. */
export type ProvinceUnits = { state: 'loading' } | { state: 'ready'; targets: HandOverTargets } | { state: 'failed'; error: unknown };

/**
 * Other provinces' units, fetched once each as the design names them (liên thông giữa hai tỉnh).
 * Read through this province's endpoint: only a designer here may list them.
 */
export function createProvinceUnits(tenantId: string) {
  const [byProvince, setByProvince] = createSignal<Record<string, ProvinceUnits>>({});
  const set = (id: string, value: ProvinceUnits) => setByProvince((prev) => ({ ...prev, [id]: value }));
  return {
    get: (provinceId: string): ProvinceUnits | undefined => byProvince()[provinceId],
    ensure(provinceId: string) {
      if (!provinceId || byProvince()[provinceId]) return;
      set(provinceId, { state: 'loading' });
      answer(api.tenants[':tenantId']['hand-over-targets'].$get({ param: { tenantId }, query: { province: provinceId } })).then(
        (targets) => set(provinceId, { state: 'ready', targets }),
        (error: unknown) => set(provinceId, { state: 'failed', error }),
      );
    },
  };
}

export type ProvinceUnitsCache = ReturnType<typeof createProvinceUnits>;

/** The province's name once its units are loaded. */
export const provinceName = (units: ProvinceUnits | undefined): string | null => (units?.state === 'ready' ? units.targets.province.name : null);
