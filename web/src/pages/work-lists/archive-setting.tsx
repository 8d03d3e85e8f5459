import { answer, api, basedOn } from '../../api.js';
import { ProvinceSetting } from './province-setting.js';

const settingsApi = api.tenants[':tenantId'].archive.settings;

/**
 * "Thời hạn chuyển lưu trữ", for a province admin: after how many months a closed dossier's files
 * move to archive storage (docs/domain/archive-and-retention.md).
 */
export function ArchiveSetting(props: { tenantId: string }) {
  return (
    <ProvinceSetting
      name="archiveAfterMonths"
      id="archive-setting"
      text={{ heading: 'archiveSettingHeading', label: 'archiveSettingLabel', hint: 'archiveSettingHint', saved: 'archiveSettingSaved' }}
      load={() => answer(settingsApi.$get({ param: { tenantId: props.tenantId } }))}
      store={(months, revision) =>
        answer(settingsApi.$put({ param: { tenantId: props.tenantId }, json: { archiveAfterMonths: months } }, { headers: basedOn(revision) }))
      }
    />
  );
}
