import { A } from '@solidjs/router';
import { batch, createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { answer, api, ApiError } from '../../api.js';
import { formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { intakeBody, queuedIntakes, removeQueuedIntake, saveQueuedIntake, type QueuedIntake } from '../../offline/intake-queue.js';

interface Sent {
  key: string;
  tenantId: string;
  dossierId: string;
  code: string;
  applicantName: string;
}

/**
 * The counter intakes kept on this computer while the network was down, sent in the order they
 * were taken as soon as the browser is back online (and on "Gửi ngay"). Each goes with the
 * Idempotency-Key its form had, so one whose first try reached the API before the answer was
 * lost comes back as the same dossier, never a second one. A refusal (e.g. a procedure closed
 * meanwhile) stays listed with the API's reason until the officer discards it.
 */
export function QueuedIntakes(props: { userId: string; changed: () => number }) {
  const [items, { mutate, refetch }] = createResource(
    () => [props.userId, props.changed()] as const,
    ([userId]) => queuedIntakes(userId),
  );
  const [sent, setSent] = createSignal<Sent[]>([]);
  const [sending, setSending] = createSignal(false);
  const [online, setOnline] = createSignal(navigator.onLine);

  const sendOne = async (item: QueuedIntake): Promise<'sent' | 'offline' | 'refused'> => {
    try {
      const result = await answer(
        api.tenants[':tenantId'].dossiers.$post(
          { param: { tenantId: item.tenantId } },
          { headers: { 'Idempotency-Key': item.idempotencyKey }, init: { body: intakeBody(item) } },
        ),
      );
      await removeQueuedIntake(item.idempotencyKey);
      const done = { key: item.idempotencyKey, tenantId: item.tenantId, dossierId: result.dossierId, code: result.code, applicantName: item.applicantName };
      // One update for both lists: a sent intake never shows as queued and sent at once, where a
      // second "Gửi ngay" would look needed.
      batch(() => {
        mutate((list) => list?.filter((queued) => queued.idempotencyKey !== item.idempotencyKey));
        setSent((list) => [...list, done]);
      });
      return 'sent';
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0) {
        await saveQueuedIntake({ ...item, refusal: error.localized });
        return 'refused';
      }
      return 'offline';
    }
  };

  const sendAll = async () => {
    if (sending() || !navigator.onLine) return;
    setSending(true);
    try {
      for (const item of await queuedIntakes(props.userId)) {
        if (item.refusal) continue;
        if ((await sendOne(item)) === 'offline') break;
      }
    } finally {
      setSending(false);
      void refetch();
    }
  };

  const wentOnline = () => {
    setOnline(true);
    void sendAll();
  };
  const wentOffline = () => setOnline(false);
  onMount(() => {
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    void sendAll();
  });
  onCleanup(() => {
    window.removeEventListener('online', wentOnline);
    window.removeEventListener('offline', wentOffline);
  });

  const discard = async (key: string) => {
    await removeQueuedIntake(key);
    void refetch();
  };

  return (
    <>
      <Show when={!online()}>
        <p class="notice" role="status" data-testid="offline-notice">
          {t('offlineNow')}
        </p>
      </Show>
      <Show when={(items() ?? []).length > 0}>
        <section class="card" aria-labelledby="queued-heading" data-testid="queued-intakes">
          <h2 id="queued-heading">
            {t('offlineQueueHeading')} ({items()?.length})
          </h2>
          <p class="muted">{t('offlineQueueIntro')}</p>
          <ul>
            <For each={items()}>
              {(item) => (
                <li>
                  <strong>{item.applicantName}</strong> — {item.procedureName} ({t('offlineQueuedAt')} {formatDateTime(item.queuedAt)})
                  <Show when={item.refusal}>
                    {(reason) => (
                      <>
                        <p role="alert" class="error">
                          {t('offlineRefused')}: {reason()}
                        </p>
                        <button type="button" onClick={() => void discard(item.idempotencyKey)}>
                          {t('offlineDiscard')}
                        </button>
                      </>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <button type="button" disabled={sending() || !online()} onClick={() => void sendAll()}>
            {sending() ? t('offlineSending') : t('offlineSendNow')}
          </button>
        </section>
      </Show>
      <Show when={sent().length > 0}>
        <section class="card" aria-labelledby="sent-heading" data-testid="sent-intakes">
          <h2 id="sent-heading">{t('offlineSentHeading')}</h2>
          <ul>
            <For each={sent()}>
              {(s) => (
                <li>
                  {t('offlineSent')}: <A href={`/officer/dossiers/${s.tenantId}/${s.dossierId}/receipt`}>{s.code}</A> — {s.applicantName}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
