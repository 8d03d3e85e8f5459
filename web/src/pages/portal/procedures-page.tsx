import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { SelectField } from '../../components/field.js';
import { loaded } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { filedProvinces, ONLINE_LABEL } from './portal-api.js';
import { PageState } from './page-state.js';
import { ProvinceSelect } from './province-select.js';
import './portal.css';

const PAGE_SIZE = 20;
const LEVELS = ['commune', 'province', 'ministry'] as const;

/** Thủ tục hành chính: the procedures a province receives, browsed by field and level or searched without accents, paged. */
export default function ProceduresPage() {
  const [params, setParams] = useSearchParams<{ tenantId?: string; unitId?: string; sector?: string; level?: string; q?: string; page?: string }>();
  const tenantId = () => params.tenantId ?? '';
  const page = () => Math.max(1, Number(params.page ?? '1') || 1);
  const [units] = createResource(
    () => tenantId() || false,
    (tenantId) => answer(api.public.provinces[':tenantId']['receiving-units'].$get({ param: { tenantId } })),
  );
  const [sectors] = createResource(
    () => tenantId() || false,
    (tenantId) => answer(api.public.provinces[':tenantId'].sectors.$get({ param: { tenantId } })),
  );
  const [procedures, { refetch }] = createResource(
    () =>
      tenantId()
        ? { tenantId: tenantId(), unitId: params.unitId ?? '', sector: params.sector ?? '', level: params.level ?? '', q: params.q ?? '', page: page() }
        : false,
    (q) => {
      const query: Record<string, string> = { page: String(q.page), pageSize: String(PAGE_SIZE) };
      if (q.unitId) query.unitId = q.unitId;
      if (q.sector) query.sector = q.sector;
      if (q.level) query.level = q.level;
      if (q.q) query.search = q.q;
      const procedures = api.public.provinces[':tenantId'].procedures.$get;
      return answer(procedures({ param: { tenantId: q.tenantId }, query }));
    },
  );
  const userId = () => session()?.user.userId;
  return (
    <section aria-labelledby="portal-procedures-heading" class="portal">
      <h1 id="portal-procedures-heading">{t('portalProceduresHeading')}</h1>
      <p class="muted">{t('portalProceduresIntro')}</p>
      <div class="portal-filters">
        <ProvinceSelect
          id="portal-province"
          value={tenantId()}
          filed={userId() ? filedProvinces(userId()!) : []}
          onChange={(id) => setParams({ tenantId: id || undefined, unitId: undefined, page: undefined })}
        />
        <Show when={tenantId() && (loaded(units)?.length ?? 0) > 0}>
          <SelectField
            id="portal-unit"
            name="unitId"
            label={t('portalUnit')}
            value={params.unitId ?? ''}
            onChange={(e) => setParams({ unitId: e.currentTarget.value || undefined, page: undefined })}
          >
            <option value="">{t('portalAnyUnit')}</option>
            <For each={loaded(units)}>
              {(u) => (
                <option value={u.id} selected={u.id === params.unitId}>
                  {u.name}
                </option>
              )}
            </For>
          </SelectField>
        </Show>
        <Show when={tenantId() && (loaded(sectors)?.length ?? 0) > 0}>
          <SelectField
            id="portal-sector"
            name="sector"
            label={t('portalSector')}
            value={params.sector ?? ''}
            onChange={(e) => setParams({ sector: e.currentTarget.value || undefined, page: undefined })}
          >
            <option value="">{t('portalAnySector')}</option>
            <For each={loaded(sectors)}>
              {(s) => (
                <option value={s.sector} selected={s.sector === params.sector}>
                  {s.sector} ({s.procedures})
                </option>
              )}
            </For>
          </SelectField>
          <SelectField
            id="portal-level"
            name="level"
            label={t('portalLevel')}
            value={params.level ?? ''}
            onChange={(e) => setParams({ level: e.currentTarget.value || undefined, page: undefined })}
          >
            <option value="">{t('portalAnyLevel')}</option>
            <For each={LEVELS}>
              {(level) => (
                <option value={level} selected={level === params.level}>
                  {t(`portalLevel_${level}`)}
                </option>
              )}
            </For>
          </SelectField>
        </Show>
      </div>
      <Show when={tenantId()} fallback={<p class="note">{t('portalPickProvinceFirst')}</p>}>
        <form role="search" class="search-form" onSubmit={(e) => setParams({ q: formValues(e).q?.trim() || undefined, page: undefined })}>
          <label for="portal-search">{t('portalSearchLabel')}</label>
          <input id="portal-search" name="q" type="search" maxLength={100} value={params.q ?? ''} />
          <button type="submit">{t('portalSearchButton')}</button>
        </form>
        <PageState data={procedures} retry={() => void refetch()} onPage={(p) => setParams({ page: String(p) })}>
          {(list) => (
            <DataTable
              labelledBy="portal-procedures-heading"
              testId="procedure-table"
              rows={list()}
              columns={[
                {
                  header: t('portalProcedureName'),
                  cell: (p) => (
                    <>
                      <A class="cell-main" href={`/portal/procedures/${tenantId()}/${p.code}`}>
                        {p.name}
                      </A>
                      <span class="cell-sub">
                        {p.code} · {p.sector}
                      </span>
                    </>
                  ),
                },
                { header: t('portalOnline'), cell: (p) => t(ONLINE_LABEL[p.onlineServiceLevel]) },
              ]}
            />
          )}
        </PageState>
      </Show>
    </section>
  );
}
