import { createSignal, For, Show } from 'solid-js';
import { answer, api, basedOn, errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { type OrgUnit } from './types.js';
import { UnitContactForm } from './unit-contact-form.js';
import { buildTree, flattenTree, type UnitBranch } from './unit-tree.js';

interface RowProps {
  tenantId: string;
  branch: UnitBranch;
  /** Every unit the admin sees: the move form's targets. */
  units: OrgUnit[];
  onChanged: () => void;
}

/** One unit and, nested under it, its children: nested lists let screen readers announce depth. */
export function UnitRow(props: RowProps) {
  const unit = () => props.branch.unit;
  // Checked against this unit's path, so a unit admin gets buttons only inside their subtree.
  const mayUpdate = () => can('update', 'OrgUnit', { tenantId: props.tenantId, orgUnitPath: unit().path });
  const [renaming, setRenaming] = createSignal(false);
  const [moving, setMoving] = createSignal(false);
  const [editingContact, setEditingContact] = createSignal(false);
  // Unit admins may edit contacts in their subtree too (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit).
  const mayEditContact = () => can('update', 'OrgUnit', { tenantId: props.tenantId, orgUnitPath: unit().path }, 'hotline');
  const update = createAction(
    async (input: { name?: string; active?: boolean }) => {
      const param = { tenantId: props.tenantId, unitId: unit().id };
      await answer(api.tenants[':tenantId']['org-units'][':unitId'].$patch({ param, json: input }, { headers: basedOn(unit().revision) }));
      setRenaming(false);
      props.onChanged();
    },
    { onStale: () => props.onChanged() },
  );
  const move = createAction(
    async (newParentId: string) => {
      const param = { tenantId: props.tenantId, unitId: unit().id };
      await answer(api.tenants[':tenantId']['org-units'][':unitId'].move.$post({ param, json: { newParentId } }, { headers: basedOn(unit().revision) }));
      setMoving(false);
      props.onChanged();
    },
    { onStale: () => props.onChanged() },
  );
  // Every active unit but this one and its parent: whether a target is allowed (e.g. not inside
  // its own subtree) is the API's rule, and its refusal is shown under the row.
  const targets = () =>
    flattenTree(buildTree(props.units))
      .filter(
        ({ unit: u }) =>
          u.active && u.id !== unit().id && u.id !== unit().parentId && can('create', 'OrgUnit', { tenantId: props.tenantId, orgUnitPath: u.path }),
      )
      .map(({ unit: u, depth }) => ({ id: u.id, label: `${'\u00a0\u00a0'.repeat(depth)}${u.name}` }));
  const nameId = () => `rename-${unit().id}`;
  const moveId = () => `move-${unit().id}`;
  return (
    <li>
      <div class="unit-row" classList={{ inactive: !unit().active }} data-testid="unit-row">
        <span class="unit-label">
          <span class="unit-name">{unit().name}</span>
          <span class="unit-meta">
            <code>{unit().code}</code> · {t(`unitKind_${unit().kind}` as MessageKey)}
            <Show when={!unit().active}>
              {' '}
              · <strong>{t('inactive')}</strong>
            </Show>
          </span>
        </span>
        <Show when={mayUpdate() && !renaming() && !moving() && !editingContact()}>
          <span class="row-actions">
            <button type="button" class="link-button" onClick={() => setRenaming(true)} aria-label={`${t('rename')}: ${unit().name}`}>
              {t('rename')}
            </button>
            <Show when={mayEditContact()}>
              <button type="button" class="link-button" onClick={() => setEditingContact(true)} aria-label={`${t('unitContact')}: ${unit().name}`}>
                {t('unitContact')}
              </button>
            </Show>
            <Show
              when={
                unit().parentId !== null && targets().length > 0 && can('update', 'OrgUnit', { tenantId: props.tenantId, orgUnitPath: unit().path }, 'parentId')
              }
            >
              <button type="button" class="link-button" onClick={() => setMoving(true)} aria-label={`${t('adminMove')}: ${unit().name}`}>
                {t('adminMove')}
              </button>
            </Show>
            <button
              type="button"
              class="link-button"
              disabled={update.busy()}
              onClick={() => void update.run({ active: !unit().active })}
              aria-label={`${unit().active ? t('deactivate') : t('reactivate')}: ${unit().name}`}
            >
              {unit().active ? t('deactivate') : t('reactivate')}
            </button>
          </span>
        </Show>
      </div>
      <Show when={renaming()}>
        <form class="inline-form" onSubmit={(e) => void update.run({ name: formValues(e).name })} onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}>
          <label for={nameId()}>{t('newName')}</label>
          <input id={nameId()} name="name" value={unit().name} required minLength={2} maxLength={200} ref={(el) => queueMicrotask(() => el.focus())} />
          <button type="submit" class="primary" disabled={update.busy()}>
            {t('save')}
          </button>
          <button type="button" class="link-button" onClick={() => setRenaming(false)}>
            {t('cancel')}
          </button>
        </form>
      </Show>
      <Show when={editingContact()}>
        <UnitContactForm
          tenantId={props.tenantId}
          unit={unit()}
          onSaved={() => {
            setEditingContact(false);
            props.onChanged();
          }}
          onCancel={() => setEditingContact(false)}
          onStale={props.onChanged}
        />
      </Show>
      <Show when={moving()}>
        <form class="inline-form" onSubmit={(e) => void move.run(formValues(e).newParentId ?? '')} onKeyDown={(e) => e.key === 'Escape' && setMoving(false)}>
          <label for={moveId()}>{t('adminMoveUnder')}</label>
          <select id={moveId()} name="newParentId" required ref={(el) => queueMicrotask(() => el.focus())}>
            <For each={targets()}>{(u) => <option value={u.id}>{u.label}</option>}</For>
          </select>
          <button type="submit" class="primary" disabled={move.busy()}>
            {t('adminMove')}
          </button>
          <button type="button" class="link-button" onClick={() => setMoving(false)}>
            {t('cancel')}
          </button>
        </form>
      </Show>
      <Show when={move.error()}>
        {(e) => (
          <p role="alert" class="error" data-testid="move-error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <Show when={update.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <Show when={props.branch.children.length > 0}>
        <ul>
          <For each={props.branch.children}>
            {(child) => <UnitRow tenantId={props.tenantId} branch={child} units={props.units} onChanged={props.onChanged} />}
          </For>
        </ul>
      </Show>
    </li>
  );
}
