import { createResource, Match, Switch } from 'solid-js';
import { answer, api } from '../../api.js';
import { LoadFailed } from '../../components/load-state.js';
import { formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { fill } from '../ministry/types.js';

/** Whether the province's hash chain verifies, and where it first breaks. */
export function ChainStatusLine(props: { tenantId: string }) {
  const [status, { refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(api.tenants[':tenantId']['audit-log'].chain.$get({ param: { tenantId } })),
  );
  return (
    <div class="chain-status" data-testid="chain-status" aria-live="polite">
      <Switch
        fallback={
          <p aria-busy="true" class="muted">
            {t('auditChainChecking')}
          </p>
        }
      >
        <Match when={status.state === 'errored'}>
          <LoadFailed error={status.error as unknown} retry={() => void refetch()} />
        </Match>
        <Match when={status.state === 'ready' ? status() : undefined}>
          {(s) => (
            <p role={s().ok ? undefined : 'alert'} class={s().ok ? 'note' : 'error'} data-chain-ok={String(s().ok)}>
              {s().firstBroken
                ? fill('auditChainBroken', { seq: formatNumber(s().firstBroken!.seq), problem: t(`auditProblem_${s().firstBroken!.problem}` as MessageKey) })
                : fill('auditChainOk', { rows: formatNumber(s().rows) })}
            </p>
          )}
        </Match>
      </Switch>
    </div>
  );
}
