import { subject as tag } from '@casl/ability';
import { schema, withTenant } from '@gov/db';
import type { DossierAction, DossierView } from '@gov/domain';
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { atUnit } from '../org-units/load-unit.js';
import { candidateActions, groupQueries, pickAllowed } from './allowed-actions.js';
import { dossierHandle, queryStartingChild, queryView, type DossierEngine, type DossierWorkflowRef } from './engine.js';
import { loadAssignees, type Assignee } from './assignees.js';
import { heldRoles, type StepInfo } from './step-actor.js';

export interface ActionsNow {
  allowedActions: DossierAction[];
  /** Filled only when `assign` is allowed. */
  assignees: Assignee[];
  /** The current step as the owning workflow sees it (the hand-over child's while one runs). */
  step: DossierView['step'] | null;
  /** False when the dossier's workflow is not running yet (the outbox relay starts it). */
  workflowFound: boolean;
}

/** The CASL subject of a dossier at a unit (typed as the ability's checks take it). */
const dossierAt = (tenantId: string, path: string[]): Record<string, unknown> => ({ ...atUnit(tenantId, path) });

const NONE: ActionsNow = { allowedActions: [], assignees: [], step: null, workflowFound: false };

async function viewsOf(engine: DossierEngine, row: DossierWorkflowRef): Promise<{ parent: DossierView; child: DossierView | null } | null> {
  try {
    const parent = await queryView(dossierHandle(engine, row));
    const child = parent.activeHandOverWorkflowId ? await queryStartingChild(engine.client.workflow.getHandle(parent.activeHandOverWorkflowId)) : null;
    return { parent, child };
  } catch (error) {
    // Not started yet (the outbox relay starts it): nothing can be done on it now.
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/**
 * The actions the user may take on the dossier now, computed on the server: the same actor
 * resolution and CASL check as actOnDossier (allowed-actions.ts), then the workflow's own rules
 * through its state Query for each actor, so nothing is offered that the Update validator would
 * refuse. Call after the dossier read was authorised.
 */
export async function actionsNow(a: {
  ctx: ServiceContext;
  row: DossierWorkflowRef & { applicantUserId: string | null };
  engine: DossierEngine;
}): Promise<ActionsNow> {
  const { ctx } = a;
  const { tenantId } = a.row;
  const user = ctx.actor;
  if (!user || user.kind === 'ministry') return NONE;
  const views = await viewsOf(a.engine, a.row);
  if (!views) return NONE;
  const current = (views.child ?? views.parent).step;
  if (views.parent.done) return { ...NONE, step: current, workflowFound: true };
  const u = schema.orgUnits;
  const stepUnits = [views.parent.step.orgUnitId, ...(views.child ? [views.child.step.orgUnitId] : [])];
  const held = user.kind === 'officer' ? heldRoles(ctx, tenantId) : [];
  const units = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ id: u.id, name: u.name, path: u.path })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), inArray(u.id, stepUnits))),
  );
  const stepInfo = (view: DossierView): StepInfo | null => {
    const unit = units.find((x) => x.id === view.step.orgUnitId);
    return unit ? { name: view.step.name, role: view.step.role, orgUnitId: unit.id, unitName: unit.name, unitPath: unit.path } : null;
  };
  const parentStep = stepInfo(views.parent);
  const childStep = views.child ? stepInfo(views.child) : null;
  // A step at a unit of another province (a cross-province hand-over) is not this officer's.
  if (!parentStep || (views.child && !childStep)) return { ...NONE, step: current, workflowFound: true };
  const candidates = candidateActions({
    user,
    applicantUserId: a.row.applicantUserId,
    held,
    steps: { parent: parentStep, child: childStep },
    mayWork: (action, unitPath) => ctx.ability.can(action, tag('Dossier', dossierAt(tenantId, unitPath))),
  });
  const queries = groupQueries(candidates);
  const answers = await Promise.all(
    queries.map(async (query) => {
      const handle = query.target === 'child' ? a.engine.client.workflow.getHandle(views.parent.activeHandOverWorkflowId!) : dossierHandle(a.engine, a.row);
      return { query, workflowAllows: (await queryView(handle, query.actor)).allowedActions };
    }),
  );
  const allowedActions = pickAllowed(answers);
  const assignees = allowedActions.includes('assign') ? await loadAssignees(ctx, tenantId, stepInfo(views.child ?? views.parent)!) : [];
  return { allowedActions, assignees, step: current, workflowFound: true };
}
