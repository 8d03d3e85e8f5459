import { schema, withTenant } from '@gov/db';
import { invalid } from '@gov/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { StepInfo } from './step-actor.js';

/** An officer a step's task may be assigned to (phân công). */
export interface Assignee {
  userId: string;
  fullName: string;
}

/**
 * The officers a step's task may go to (all of them, or `only` that one), by name. The one rule of
 * who may be given a step's task: an officer active in this province who holds the step's role at
 * its unit or above it (the subtree rule of role scopes), the role not revoked. A deactivated
 * officer keeps their work roles for their return, so `active` is checked here.
 */
export function loadAssignees(ctx: ServiceContext, tenantId: string, step: StepInfo, only?: string): Promise<Assignee[]> {
  const { roleAssignments: r, tenantUsers: tu } = schema;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .selectDistinct({ userId: r.userId, fullName: tu.fullName })
      .from(r)
      .innerJoin(tu, and(eq(tu.tenantId, r.tenantId), eq(tu.userId, r.userId)))
      .where(
        and(
          eq(r.tenantId, tenantId),
          eq(r.role, step.role as typeof r.role._.data),
          inArray(r.orgUnitId, step.unitPath),
          isNull(r.revokedAt),
          eq(tu.active, true),
          only === undefined ? undefined : eq(r.userId, only),
        ),
      )
      .orderBy(asc(tu.fullName), asc(r.userId)),
  );
}

/**
 * Refuses an assignee the step's task may not go to (an officer of another unit or province, one
 * without the step's role, a deactivated one, an id that is nobody), before the workflow is asked:
 * the task would otherwise sit with someone who cannot see or act on it.
 */
export async function assertAssignable(ctx: ServiceContext, tenantId: string, step: StepInfo, userId: string): Promise<void> {
  if ((await loadAssignees(ctx, tenantId, step, userId)).length > 0) return;
  const problem = `không giữ vai trò của bước "${step.name}" tại ${step.unitName} hoặc đã ngừng hoạt động`;
  throw invalid(
    {
      vi: `Cán bộ được phân công ${problem}.`,
      en: `The officer to assign does not hold the role of the step "${step.name}" at ${step.unitName}, or is deactivated.`,
    },
    { fields: [{ path: 'assigneeUserId', problem }] },
  );
}
