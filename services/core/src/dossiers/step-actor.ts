import { forbidden, ROLE_LABELS, type AppAction, type DossierAction, type DossierActor, type TenantRole } from '@gov/domain';
import type { ServiceContext } from '../context.js';

export interface StepInfo {
  name: string;
  role: string;
  orgUnitId: string;
  unitName: string;
  /** Ids from the root down to the step's unit (the CASL subtree condition reads it). */
  unitPath: string[];
}

export interface HeldRole {
  role: TenantRole;
  orgUnitId: string;
}

/** The actor's roles in this province (their unit scopes), from the grants their request carries. */
export function heldRoles(ctx: ServiceContext, tenantId: string): HeldRole[] {
  return ctx.grants.filter((g) => g.tenantId === tenantId).map(({ role, orgUnitId }) => ({ role, orgUnitId }));
}

/**
 * Roles that may take each action at a step, mirroring the workflow's rules: the step's own role,
 * plus the leader (assign, apology, stop) and the counter roles that may record a payment.
 */
function rolesFor(action: DossierAction, stepRole: TenantRole): TenantRole[] {
  switch (action) {
    case 'assign':
      return [stepRole, 'leader', 'unit_admin'];
    case 'recordApology':
      return [stepRole, 'leader'];
    case 'stop':
      return ['leader'];
    case 'recordPayment':
      return [stepRole, 'result_clerk', 'reception_officer'];
    default:
      return [stepRole];
  }
}

/** The CASL action behind each role's work on a dossier (docs/domain/dossier-lifecycle.md, permissions.ts). */
export const ROLE_ACTION: Record<TenantRole, AppAction> = {
  reception_officer: 'receive',
  specialist: 'process',
  leader: 'approve',
  result_clerk: 'return_result',
  unit_admin: 'process',
  province_admin: 'process',
};

/**
 * Who the officer acts as at this step: a role they hold over the step's unit (an assignment at
 * that unit or above it: the subtree rule of role scopes). When none fits, the refusal says
 * which role and unit the step needs, so the officer knows whom to hand it to.
 */
export function actorForStep(args: { userId: string; held: HeldRole[]; step: StepInfo; action: DossierAction }): DossierActor {
  const { userId, held, step, action } = args;
  const wanted = rolesFor(action, step.role as TenantRole);
  const covering = held.filter((h) => step.unitPath.includes(h.orgUnitId));
  const match = wanted.map((role) => covering.find((h) => h.role === role)).find((h) => h !== undefined);
  if (match) return { userId, role: match.role, unitId: step.orgUnitId };
  const label = ROLE_LABELS[step.role as TenantRole]?.vi ?? step.role;
  const roleText = wanted.map((r) => ROLE_LABELS[r].vi).join(' hoặc ');
  if (covering.length > 0) {
    throw forbidden({
      vi: `Bước "${step.name}" do ${roleText} thực hiện; tại ${step.unitName} bạn không giữ vai trò này.`,
      en: `Step "${step.name}" needs the role ${wanted.join(' or ')}; you do not hold it at ${step.unitName}.`,
    });
  }
  throw forbidden({
    vi: `Bước "${step.name}" thuộc ${step.unitName} (vai trò ${label}); bạn không được phân công tại đơn vị này.`,
    en: `Step "${step.name}" belongs to ${step.unitName} (role ${step.role}); you hold no role at that unit.`,
  });
}
