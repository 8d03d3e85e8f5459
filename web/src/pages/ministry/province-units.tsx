import { createResource, createSignal } from 'solid-js';
import { answer, api } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { t, type MessageKey } from '../../i18n/index.js';

const PAGE = 20;

/** The province's organisation, read only, a page at a time (a province has hundreds of units). */
export function ProvinceOrgUnits(props: { tenantId: string }) {
  const [units, { refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId } })).then((r) => r.items),
  );
  const [page, setPage] = createSignal(1);
  return (
    <section aria-labelledby="org-units-heading" class="section-gap">
      <h2 id="org-units-heading">{t('ministryOrgUnits')}</h2>
      <LoadState data={units} retry={() => void refetch()}>
        {(items) => (
          <>
            <DataTable
              labelledBy="org-units-heading"
              testId="org-unit-table"
              rows={items().slice((page() - 1) * PAGE, page() * PAGE)}
              columns={[
                // Depth shown by indentation: the path is the unit's ancestry from the root.
                { header: t('ministryUnit'), cell: (u) => <span style={{ 'padding-left': `${(u.path.length - 1) * 0.75}rem` }}>{u.name}</span> },
                { header: t('ministryCode'), cell: (u) => u.code, class: 'mono' },
                { header: t('ministryUnitKind'), cell: (u) => t(`unitKind_${u.kind}` as MessageKey) },
                { header: t('ministryUnitActive'), cell: (u) => (u.active ? t('ministryActive') : t('ministryInactive')) },
              ]}
            />
            <Pager page={page()} pageSize={PAGE} total={items().length} onPage={setPage} />
          </>
        )}
      </LoadState>
    </section>
  );
}
