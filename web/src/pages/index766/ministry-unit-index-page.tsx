import { useParams } from '@solidjs/router';
import { RequireMinistry } from '../ministry/require-ministry.js';
import { UnitIndexView } from './unit-index.js';

/** The ministry's drill-down from the provinces' ranking into one province's units. */
export default function MinistryUnitIndexPage() {
  const params = useParams<{ tenantId: string }>();
  return (
    <RequireMinistry>
      <UnitIndexView tenantId={params.tenantId} />
    </RequireMinistry>
  );
}
