import { answer, api } from '../../api.js';
import { CsvImport } from '../../components/csv-import.js';
import { t } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';

/** Nhập cán bộ từ tệp CSV: every officer is created and invited, or none. */
export function OfficerImport(props: { tenantId: string; onImported: () => void }) {
  return (
    <CsvImport
      id="officer-import"
      heading={t('adminImportOfficers')}
      intro={t('adminImportIntro')}
      columns="Họ và tên,Tên đăng nhập,Số CCCD,Điện thoại di động,Email công vụ,Chức vụ,Mã đơn vị"
      templateName="mau-nhap-can-bo.csv"
      checkedMessage={(n) => fill('adminImportChecked', { n })}
      doneMessage={(n) => fill('adminImportDone', { n })}
      send={(text, dryRun) =>
        answer(
          api.tenants[':tenantId'].users.import.$post(
            { param: { tenantId: props.tenantId }, query: { dryRun: dryRun ? 'true' : 'false' } },
            { init: { body: text, headers: { 'Content-Type': 'text/csv' } } },
          ),
        )
      }
      onImported={props.onImported}
    />
  );
}
