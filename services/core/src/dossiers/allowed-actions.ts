import { DOSSIER_ACTIONS, PARENT_LEVEL_ACTIONS, type AppAction, type DossierAction, type DossierActor } from '@gov/domain';
import { actorForStep, ROLE_ACTION, type HeldRole, type StepInfo } from './step-actor.js';

/** The workflow that takes an action: the dossier's own, or the hand-over child owning the step. */
export type ActionTarget = 'parent' | 'child';

/** One action the user could try, as actOnDossier would send it: to which workflow, as whom. */
export interface Candidate {
  action: DossierAction;
  target: ActionTarget;
  actor: DossierActor;
}

/** One Query to ask: the actions the workflow allows this actor, at this target. */
export interface CandidateQuery {
  target: ActionTarget;
  actor: DossierActor;
  actions: DossierAction[];
}

const CITIZEN_ACTIONS: readonly DossierAction[] = ['submitSupplement', 'withdraw'];
const OFFICER_ACTIONS: readonly DossierAction[] = DOSSIER_ACTIONS.filter((action) => !CITIZEN_ACTIONS.includes(action));

/** Where actOnDossier sends an action: the active hand-over child, except the parent-level ones. */
export const targetOf = (action: DossierAction, handOverActive: boolean): ActionTarget =>
  handOverActive && !PARENT_LEVEL_ACTIONS.includes(action) ? 'child' : 'parent';

/**
 * The actions the user could take, each with the actor the API would fill in, mirroring
 * actOnDossier's checks before the workflow is asked: for an officer, a role held over the
 * step's unit (actorForStep) and the CASL right that role works with (`mayWork`); for the
 * applicant, the two citizen actions. Whether the dossier's state allows them is the workflow's
 * answer (see pickAllowed). Pure: the caller loads the steps, roles and ability.
 */
export function candidateActions(a: {
  user: { userId: string; kind: 'officer' | 'ministry' | 'citizen' };
  /** The applicant of the dossier, for citizens. */
  applicantUserId: string | null;
  held: HeldRole[];
  /** The current step of each workflow; `child` only while a hand-over is active. */
  steps: { parent: StepInfo; child: StepInfo | null };
  mayWork: (action: AppAction, unitPath: string[]) => boolean;
}): Candidate[] {
  const handOverActive = a.steps.child !== null;
  if (a.user.kind === 'citizen') {
    if (a.applicantUserId !== a.user.userId) return [];
    return CITIZEN_ACTIONS.map((action) => ({ action, target: targetOf(action, handOverActive), actor: { userId: a.user.userId, role: 'citizen' } }));
  }
  if (a.user.kind !== 'officer') return [];
  const candidates: Candidate[] = [];
  for (const action of OFFICER_ACTIONS) {
    const target = targetOf(action, handOverActive);
    const step = target === 'child' ? a.steps.child! : a.steps.parent;
    let actor: DossierActor;
    try {
      actor = actorForStep({ userId: a.user.userId, held: a.held, step, action });
    } catch {
      continue;
    }
    if (a.mayWork(ROLE_ACTION[actor.role as keyof typeof ROLE_ACTION], step.unitPath)) candidates.push({ action, target, actor });
  }
  return candidates;
}

const actorKey = (target: ActionTarget, actor: DossierActor) => `${target}|${actor.role}|${actor.unitId ?? ''}`;

/** The candidates grouped into as few workflow Queries as there are distinct (workflow, actor) pairs. */
export function groupQueries(candidates: Candidate[]): CandidateQuery[] {
  const groups = new Map<string, CandidateQuery>();
  for (const c of candidates) {
    const key = actorKey(c.target, c.actor);
    const group = groups.get(key) ?? { target: c.target, actor: c.actor, actions: [] };
    group.actions.push(c.action);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The actions to offer: a candidate the workflow's own rules (the Query runs the validators'
 * checks for that actor) allow. In the domain's order, each once.
 */
export function pickAllowed(answers: { query: CandidateQuery; workflowAllows: readonly DossierAction[] }[]): DossierAction[] {
  const allowed = new Set<DossierAction>();
  for (const { query, workflowAllows } of answers) {
    for (const action of query.actions) if (workflowAllows.includes(action)) allowed.add(action);
  }
  return DOSSIER_ACTIONS.filter((action) => allowed.has(action));
}
