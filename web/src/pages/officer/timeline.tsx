import { For, Show } from 'solid-js';
import { formatDateTime } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import type { DossierDetail, DossierEvent } from './types.js';

const EVENT_LABEL: Record<string, MessageKey> = {
  submitted: 'officerEvSubmitted',
  registered: 'officerEvRegistered',
  accepted: 'officerEvAccepted',
  refused: 'officerEvRefused',
  supplement_requested: 'officerEvSupplementRequested',
  supplement_submitted: 'officerEvSupplementSubmitted',
  assigned: 'officerEvAssigned',
  forwarded: 'officerEvForwarded',
  returned_to_previous: 'officerEvReturnedToPrevious',
  handed_over: 'officerEvHandedOver',
  hand_over_received: 'officerEvHandOverReceived',
  hand_over_returned: 'officerEvHandOverReturned',
  handed_back: 'officerEvHandedBack',
  approved: 'officerEvApproved',
  fee_requested: 'officerEvFeeRequested',
  fee_paid: 'officerEvFeePaid',
  apology_issued: 'officerEvApology',
  result_returned: 'officerEvResultReturned',
  stopped: 'officerEvStopped',
  withdrawn: 'officerEvWithdrawn',
  intake_overdue: 'officerEvIntakeOverdue',
  near_due: 'officerEvNearDue',
  overdue: 'officerEvOverdue',
  apology_overdue: 'officerEvApologyOverdue',
  step_overdue: 'officerEvStepOverdue',
  // The control sheet's words (services/core/src/dossiers/forms/event-words.ts).
  consultation_requested: 'consultationEvRequested',
  consultation_answered: 'consultationEvAnswered',
  consultation_overdue: 'consultationEvOverdue',
  consultation_completed: 'consultationEvCompleted',
  consultation_closed_at_deadline: 'consultationEvClosedAtDeadline',
};

/** The words an officer wrote with the action (reason, note, items), if any. */
function contentText(event: DossierEvent): string | null {
  const c = event.content ?? {};
  const parts = [c.reason, c.note, c.description, Array.isArray(c.items) ? (c.items as string[]).join('; ') : null].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  return parts.length > 0 ? parts.join(' — ') : null;
}

/** Form 05's data: who did what, when, from which step to which, and whether the step deadline held. */
export function Timeline(props: { detail: DossierDetail }) {
  const stepName = (key: string | null) => (key ? (props.detail.steps.find((s) => s.key === key)?.name ?? key) : null);
  return (
    <ol class="timeline" data-testid="timeline">
      <For each={props.detail.events}>
        {(event) => (
          <li data-kind={event.kind}>
            <p class="timeline-head">
              <strong>{EVENT_LABEL[event.kind] ? t(EVENT_LABEL[event.kind]!) : event.kind}</strong>
              <span class="muted"> · {formatDateTime(event.occurredAt)}</span>
            </p>
            <p class="timeline-who">{event.actorName ?? (event.actorUserId ? t('officerApplicantActor') : t('officerSystemActor'))}</p>
            <Show when={event.fromStep || event.toStep}>
              <p class="timeline-steps">
                {stepName(event.fromStep) ?? '—'} → {stepName(event.toStep) ?? '—'}
              </p>
            </Show>
            <Show when={contentText(event)}>{(text) => <p class="timeline-content">{text()}</p>}</Show>
            <Show when={event.stepDueAt}>
              {(due) => (
                <p class="timeline-due">
                  {t('officerStepDeadline')}: {formatDateTime(due())}{' '}
                  <Show when={event.deadlineMet !== null}>
                    <span class={`badge ${event.deadlineMet ? 'badge-ok' : 'badge-overdue'}`}>
                      {event.deadlineMet ? t('officerDeadlineMet') : t('officerDeadlineMissed')}
                    </span>
                  </Show>
                </p>
              )}
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
