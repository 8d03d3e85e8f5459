import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { answer, api, basedOn, type Answer } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { fill } from '../ministry/types.js';
import { dossierPage } from '../officer/types.js';
import type { Officer, OrgUnit } from './types.js';
import { unitOptions } from './unit-form.js';
import { FormFooter } from '../../components/form-footer.js';

const officerApi = api.tenants[':tenantId'].users[':userId'];

/** A task the officer still holds: a leader hands it to someone else from the dossier's page. */
export type OpenTask = Answer<typeof officerApi.move.$post>['openTasks'][number];

const PROFILE = ['fullName', 'position', 'phone', 'email'] as const;

/**
 * Sửa thông tin cán bộ: name, position, phone and email. Only the fields changed are sent, so a
 * unit admin (who may not change every field) is refused only for what they actually changed.
 */
export function EditOfficerForm(props: { tenantId: string; officer: Officer; onClose: () => void; onDone: () => void; onStale: () => void }) {
  const save = createAction(
    async (values: Record<string, string>) => {
      const json: Partial<Record<(typeof PROFILE)[number], string>> = {};
      for (const field of PROFILE) {
        const value = (values[field] ?? '').trim();
        if (value !== '' && value !== (props.officer[field] ?? '')) json[field] = value;
      }
      const param = { tenantId: props.tenantId, userId: props.officer.userId };
      await answer(officerApi.$patch({ param, json }, { headers: basedOn(props.officer.revision) }));
      props.onDone();
    },
    { onStale: () => props.onStale() },
  );
  return (
    <form
      class="card stack-form"
      aria-labelledby="edit-officer-heading"
      data-testid="edit-officer-form"
      onSubmit={(e) => void save.run(formValues(e))}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="edit-officer-heading">{`${t('adminEditOfficer')}: ${props.officer.fullName}`}</h2>
      <Field id="e-name" name="fullName" label={t('officerName')} value={props.officer.fullName} problem={save.problem('fullName')} required />
      <Field id="e-position" name="position" label={t('position')} value={props.officer.position ?? ''} problem={save.problem('position')} />
      <Field id="e-phone" name="phone" label={t('phone')} value={props.officer.phone ?? ''} problem={save.problem('phone')} type="tel" />
      <Field id="e-email" name="email" label={t('email')} value={props.officer.email ?? ''} problem={save.problem('email')} inputmode="email" />
      <FormFooter action={save} onCancel={() => props.onClose()} />
    </form>
  );
}

/**
 * Chuyển công tác: the officer moves to another unit. The API ends their roles at the old unit
 * and answers with the tasks they still hold, which the page lists for reassignment.
 */
export function MoveOfficerForm(props: {
  tenantId: string;
  officer: Officer;
  units: OrgUnit[];
  onClose: () => void;
  onDone: (tasks: OpenTask[]) => void;
  onStale: () => void;
}) {
  const targets = () =>
    unitOptions(props.units, (u) => u.active && u.id !== props.officer.orgUnitId && can('create', 'User', { tenantId: props.tenantId, orgUnitPath: u.path }));
  const move = createAction(
    async (values: Record<string, string>) => {
      const param = { tenantId: props.tenantId, userId: props.officer.userId };
      const moved = await answer(
        officerApi.move.$post(
          { param, json: { orgUnitId: values.orgUnitId ?? '', reason: values.reason ?? '' } },
          { headers: basedOn(props.officer.revision) },
        ),
      );
      props.onDone(moved.openTasks);
    },
    { onStale: () => props.onStale() },
  );
  return (
    <form
      class="card stack-form"
      aria-labelledby="move-officer-heading"
      data-testid="move-officer-form"
      onSubmit={(e) => void move.run(formValues(e))}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="move-officer-heading">{`${t('adminMoveOfficer')}: ${props.officer.fullName}`}</h2>
      <p class="muted">{t('adminMoveOfficerIntro')}</p>
      <SelectField id="m-unit" name="orgUnitId" label={t('adminNewUnit')} problem={move.problem('orgUnitId')} required>
        <For each={targets()}>{(u) => <option value={u.id}>{u.label}</option>}</For>
      </SelectField>
      <Field id="m-reason" name="reason" label={t('adminMoveReason')} problem={move.problem('reason')} required />
      <FormFooter action={move} submit={t('adminMoveOfficer')} onCancel={() => props.onClose()} />
    </form>
  );
}

/** What a moved or deactivated officer still holds: each dossier opens where a leader reassigns it. */
export function OpenTasks(props: { tenantId: string; officerName: string; tasks: OpenTask[]; onClose: () => void }) {
  return (
    <section class="card" aria-labelledby="open-tasks-heading" data-testid="open-tasks">
      <h2 id="open-tasks-heading">{fill('adminOpenTasksHeading', { name: props.officerName })}</h2>
      <Show when={props.tasks.length > 0} fallback={<p>{t('adminNoOpenTasks')}</p>}>
        <p class="muted">{t('adminOpenTasksIntro')}</p>
        <ul>
          <For each={props.tasks}>
            {(task) => (
              <li>
                <A href={dossierPage(props.tenantId, task.dossierId)}>{task.dossierCode}</A>
                {task.dueAt ? ` · ${t('adminTaskDue')} ${formatDateTime(task.dueAt)}` : ''}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <button type="button" class="link-button" onClick={() => props.onClose()}>
        {t('close')}
      </button>
    </section>
  );
}

/**
 * Đặt lại xác thực hai lớp: for an administrator who lost their authenticator and recovery codes.
 * Another admin with authority over the account confirms; the API drops the authenticator, ends the
 * person's sessions and records it; they enrol again at their next sign-in.
 */
export function ResetFactorForm(props: { userId: string; name: string; onClose: () => void; onDone: () => void }) {
  const reset = createAction(async () => {
    await answer(api.auth['second-factor'].users[':userId'].reset.$post({ param: { userId: props.userId } }));
    props.onDone();
  });
  return (
    <form
      class="card stack-form"
      aria-labelledby="reset-factor-heading"
      data-testid="reset-factor-form"
      onSubmit={(e) => {
        e.preventDefault();
        void reset.run();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="reset-factor-heading">{`${t('adminResetFactor')}: ${props.name}`}</h2>
      <p class="muted">{t('adminResetFactorIntro')}</p>
      <FormFooter action={reset} submit={t('adminResetFactor')} onCancel={() => props.onClose()} />
    </form>
  );
}
