import { answer, api, basedOn } from '../../api.js';
import { ProvinceSetting } from './province-setting.js';

const settingsApi = api.tenants[':tenantId']['work-lists'].settings;

/**
 * "Ngưỡng hồ sơ tồn đọng", for a province admin: after how many working days without action a
 * dossier is listed as stuck. `onSaved` reloads the list so it follows the new threshold.
 */
export function StuckSetting(props: { tenantId: string; onSaved: () => void }) {
  return (
    <ProvinceSetting
      name="stuckAfterWorkingDays"
      id="stuck-setting"
      text={{ heading: 'workListsSettingHeading', label: 'workListsSettingLabel', hint: 'workListsSettingHint', saved: 'workListsSettingSaved' }}
      load={() => answer(settingsApi.$get({ param: { tenantId: props.tenantId } }))}
      store={(days, revision) =>
        answer(settingsApi.$put({ param: { tenantId: props.tenantId }, json: { stuckAfterWorkingDays: days } }, { headers: basedOn(revision) }))
      }
      onSaved={props.onSaved}
    />
  );
}
