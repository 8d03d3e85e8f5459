import { RequireConsole } from '../../components/require-console.js';
import { can } from '../../session/session.js';
import { UnitIndexView } from './unit-index.js';

/** Chỉ số phục vụ of the province's units, for whoever reads its reports. */
export default function ProvinceIndexPage() {
  return <RequireConsole allowed={() => can('read', 'Report')}>{(tenantId) => <UnitIndexView tenantId={tenantId} />}</RequireConsole>;
}
