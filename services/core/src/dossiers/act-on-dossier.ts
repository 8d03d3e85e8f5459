import { withTenant } from '@gov/db';
import { conflict, DOSSIER_ACTIONS, DossierActionInputs, forbidden, type AppAction, type DossierActor, type DossierView } from '@gov/domain';
import { actionUpdates } from '@gov/domain/contract';
import type { UpdateDefinition } from '@temporalio/client';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { loadOpenSteps, routeByQuery, routeFromProjection } from './action-route.js';
import type { DossierDeps } from './deps.js';
import { loadReadableDossierWithUnits } from './load-dossier.js';
import { toDomainError } from './rejection.js';
import { assertAssignable } from './assignees.js';
import { actorForStep, heldRoles, ROLE_ACTION, type StepInfo } from './step-actor.js';

export const ActOnDossier = v.object({
  action: v.picklist(DOSSIER_ACTIONS, 'thao tác không hợp lệ'),
  /** The action's own fields (reason, note, assigneeUserId …); the actor is filled in here. */
  input: v.optional(v.record(v.string(), v.unknown()), {}),
});
export type ActOnDossier = v.InferInput<typeof ActOnDossier>;

const OFFICER_WORK: AppAction[] = ['receive', 'process', 'approve', 'return_result'];
const CITIZEN_ACTIONS = ['submitSupplement', 'withdraw'];

/** First line: a citizen acts on their own dossiers; an officer needs dossier work in this province. */
function assertMayAct(ctx: ServiceContext, tenantId: string): void {
  if (ctx.actor?.kind === 'citizen') return assertCan(ctx, 'create', 'Dossier', { applicantUserId: ctx.actor.userId });
  const works = OFFICER_WORK.some((action) =>
    ctx.ability.rulesFor(action, 'Dossier').some((r) => !r.inverted && (r.conditions as { tenantId?: string } | undefined)?.tenantId === tenantId),
  );
  if (!works) assertCanInTenant(ctx, 'process', 'Dossier', tenantId);
}

/**
 * An officer's (or the applicant's) action on a dossier, as a Workflow Update on the workflow that
 * owns the current step (the hand-over child while another agency works on it). CASL decides
 * first, for the role the actor holds over the step's unit; the workflow's validator then
 * refuses what does not fit the dossier's state, and its reason is returned as is.
 * The dossier's own history (dossier_events) records the action, so no audit row is added.
 */
export async function actOnDossier(args: {
  ctx: ServiceContext;
  tenantId: string;
  dossierId: string;
  input: ActOnDossier;
  deps: DossierDeps;
}): Promise<DossierView> {
  const { ctx, tenantId, dossierId, deps } = args;
  assertMayAct(ctx, tenantId);
  const { action, input } = parseInput(ActOnDossier, args.input);
  const user = ctx.actor!;
  // The route (which workflow, which step) comes from the projection read in the same
  // transaction; a Query is made only when the projection cannot say.
  const loaded = await withTenant(ctx.sql, tenantId, async (tx) => {
    const [found, open] = await Promise.all([loadReadableDossierWithUnits(tx, ctx, tenantId, dossierId), loadOpenSteps(tx, tenantId, dossierId)]);
    return { ...found, open };
  });
  const { row, units, open } = loaded;
  const held = user.kind === 'citizen' ? [] : heldRoles(ctx, tenantId);
  const route = routeFromProjection({ engine: deps.engine, row, open, action }) ?? (await routeByQuery({ engine: deps.engine, row, action }));
  const { target, step: current } = route;
  // A second accept (a double click, two officers at once) is about state, not permission.
  if ((action === 'accept' || action === 'refuse') && (current.kind !== 'receive' || route.nationalStatus !== 1)) {
    throw conflict({
      vi: 'Hồ sơ không chờ tiếp nhận (đã được tiếp nhận hoặc từ chối).',
      en: 'The dossier is not awaiting reception (already accepted or refused).',
    });
  }

  let actor: DossierActor;
  let step: StepInfo | null = null;
  if (user.kind === 'citizen') {
    if (!CITIZEN_ACTIONS.includes(action))
      throw forbidden({ vi: 'Công dân chỉ được nộp bổ sung hoặc rút hồ sơ.', en: 'Applicants may only submit supplements or withdraw.' });
    assertCan(ctx, 'create', 'Dossier', { applicantUserId: row.applicantUserId });
    actor = { userId: user.userId, role: 'citizen' };
  } else {
    // The step's unit is almost always the dossier's current unit, already loaded.
    const unit = units.find((x) => x.id === current.orgUnitId) ?? (await withTenant(ctx.sql, tenantId, (tx) => loadUnit(tx, tenantId, current.orgUnitId)));
    step = { name: current.name, role: current.role, orgUnitId: unit.id, unitName: unit.name, unitPath: unit.path };
    actor = actorForStep({ userId: user.userId, held, step, action });
    assertCan(ctx, ROLE_ACTION[actor.role as keyof typeof ROLE_ACTION], 'Dossier', atUnit(tenantId, unit.path));
  }
  const payload = parseInput(DossierActionInputs[action], { ...input, actor });
  if (step && 'assigneeUserId' in payload) await assertAssignable(ctx, tenantId, step, payload.assigneeUserId);
  try {
    // The action names one Update of the contract; its input was parsed by that action's schema.
    return await target.executeUpdate(actionUpdates[action] as UpdateDefinition<DossierView, [typeof payload]>, { args: [payload] });
  } catch (error) {
    throw toDomainError(error);
  }
}
