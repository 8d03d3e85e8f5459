import { answer, api } from '../../api.js';
import { CsvImport } from '../../components/csv-import.js';
import { t } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';

/** Nhập cơ cấu tổ chức từ tệp CSV: parents in the province or on earlier lines; all units or none. */
export function UnitImport(props: { tenantId: string; onImported: () => void }) {
  return (
    <CsvImport
      id="unit-import"
      heading={t('adminImportUnits')}
      intro={t('adminImportUnitsIntro')}
      columns="Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên"
      templateName="mau-nhap-don-vi.csv"
      checkedMessage={(n) => fill('adminImportUnitsChecked', { n })}
      doneMessage={(n) => fill('adminImportUnitsDone', { n })}
      send={(text, dryRun) =>
        answer(
          api.tenants[':tenantId']['org-units'].import.$post(
            { param: { tenantId: props.tenantId }, query: { dryRun: dryRun ? 'true' : 'false' } },
            { init: { body: text, headers: { 'Content-Type': 'text/csv' } } },
          ),
        )
      }
      onImported={props.onImported}
    />
  );
}
