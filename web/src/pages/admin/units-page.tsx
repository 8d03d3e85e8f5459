import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { buildTree } from './unit-tree.js';
import { UnitForm } from './unit-form.js';
import { UnitImport } from './unit-import.js';
import { UnitRow } from './unit-row.js';
import { NotificationSenderForm } from './notification-sender-form.js';
import { NotificationUsageSection } from './notification-usage-section.js';

/** Cơ cấu tổ chức: the province's unit tree, with create, rename and (de)activate. */
export default function UnitsPage() {
  return <RequireConsole allowed={() => can('read', 'OrgUnit')}>{(tenantId) => <Units tenantId={tenantId} />}</RequireConsole>;
}

function Units(props: { tenantId: string }) {
  const [units, { refetch }] = createResource(() =>
    answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items),
  );
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const reload = () => void refetch();
  return (
    <section aria-labelledby="units-heading">
      <h1 id="units-heading">{t('unitsHeading')}</h1>
      <p class="muted">{t('unitsIntro')}</p>
      <div class="two-col">
        <div>
          <h2>{t('unitTree')}</h2>
          <p role="status" class="notice">
            <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
          </p>
          <LoadState data={units} retry={reload}>
            {(items) => (
              <ul class="unit-tree" data-testid="unit-tree">
                <For each={buildTree(items())}>{(branch) => <UnitRow tenantId={props.tenantId} branch={branch} units={items()} onChanged={reload} />}</For>
              </ul>
            )}
          </LoadState>
        </div>
        <Show when={can('create', 'OrgUnit') && loaded(units)}>
          {(items) => (
            <div>
              <UnitForm
                tenantId={props.tenantId}
                units={items()}
                onCreated={() => {
                  setNotice('unitCreated');
                  reload();
                }}
              />
              <UnitImport tenantId={props.tenantId} onImported={reload} />
            </div>
          )}
        </Show>
      </div>
      {/* The province's own settings, beside its units: who its messages come from and what they cost. */}
      <Show when={can('manage', 'Notification')}>
        <div class="two-col section-gap">
          <NotificationSenderForm tenantId={props.tenantId} />
          <NotificationUsageSection tenantId={props.tenantId} />
        </div>
      </Show>
    </section>
  );
}
