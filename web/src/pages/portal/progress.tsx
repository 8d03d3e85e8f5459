import { For, Show } from 'solid-js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { pick, t, type MessageKey } from '../../i18n/index.js';
import type { PublicStatus } from './portal-api.js';

const STATE_LABEL: Record<PublicStatus['steps'][number]['state'], MessageKey> = {
  done: 'portalStepDone',
  current: 'portalStepCurrent',
  pending: 'portalStepPending',
  cancelled: 'portalStepCancelled',
};

/**
 * A dossier's status and its steps, one after another (tiến độ xử lý), as the public lookup
 * gives them: unit names, dates and whether each step met its deadline, never personal data.
 */
export function Progress(props: { status: PublicStatus; headingLevel?: 2 | 3 }) {
  const s = () => props.status;
  return (
    <div class="portal-progress" data-testid="progress">
      <dl class="portal-facts">
        <dt>{t('portalDossierCode')}</dt>
        <dd class="mono">{s().code}</dd>
        <dt>{t('portalProcedure')}</dt>
        <dd>{s().procedureName}</dd>
        <dt>{t('portalReceivedBy')}</dt>
        <dd>{s().receivingUnitName}</dd>
        <dt>{t('portalStatus')}</dt>
        <dd data-testid="status-text">
          <strong>{pick(s().statusText)}</strong>
        </dd>
        <dt>{t('portalReceivedAt')}</dt>
        <dd>{formatDateTime(s().receivedAt)}</dd>
        <Show when={s().promisedReturnAt}>
          {(at) => (
            <>
              <dt>{t('portalPromisedAt')}</dt>
              <dd>{formatDate(at())}</dd>
            </>
          )}
        </Show>
        <Show when={s().returnedAt}>
          {(at) => (
            <>
              <dt>{t('portalReturnedAt')}</dt>
              <dd>{formatDateTime(at())}</dd>
            </>
          )}
        </Show>
      </dl>
      <Show when={s().overdue}>
        <p class="error">{t('portalOverdue')}</p>
      </Show>
      <h2 class="portal-subheading">{t('portalProgress')}</h2>
      <ol class="portal-steps">
        <For each={s().steps}>
          {(step) => (
            <li class={`portal-step portal-step-${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
              <span class="portal-step-name">{step.name}</span>
              <span class="portal-step-meta">
                {step.unitName} · <span class="portal-step-state">{t(STATE_LABEL[step.state])}</span>
                <Show when={step.completedAt}>{(at) => <> · {formatDateTime(at())}</>}</Show>
                <Show when={step.state === 'current' && step.dueAt}>
                  {(_) => (
                    <>
                      {' '}
                      · {t('portalStepDue')} {formatDateTime(step.dueAt!)}
                    </>
                  )}
                </Show>
                <Show when={step.deadlineMet !== null}> · {step.deadlineMet ? t('portalOnTime') : t('portalLate')}</Show>
              </span>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
