import type { api, Answer, ItemOf } from '../../api.js';
import { locale, t, type MessageKey } from '../../i18n/index.js';

export type ProvinceReport = Answer<typeof api.reports.provinces.$get>;
export type ProvinceRow = ProvinceReport['items'][number];
export type ProvinceDossier = ItemOf<(typeof api.reports.provinces)[':tenantId']['dossiers']['$get']>;

export { fill } from '../../i18n/index.js';

/** A message chosen by a value, e.g. `ministryChannel_online` (keys are checked by the catalog). */
export const tv = (prefix: string, value: string) => t(`${prefix}_${value}` as MessageKey);

/** The locale-aware name of the current language, for `Intl` calls made here. */
export const intlTag = () => (locale() === 'vi' ? 'vi-VN' : 'en-GB');
