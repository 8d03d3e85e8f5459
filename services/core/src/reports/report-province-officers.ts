import { schema } from '@gov/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { readProvinceReport, type ProvinceReportInput } from './province-report-scope.js';

export interface OfficerWorkload {
  /** Tasks assigned to the officer and open at the period's end (or now, while it runs). */
  openTasks: number;
  /** … of which past their step's due time then. */
  overdueTasks: number;
  /** Transitions the officer made on dossiers in the period (every action the history records). */
  actions: number;
  /** Dossiers whose result the officer gave in the period: theirs was the transition that finished it. */
  resolved: number;
}

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * An officer's workload (khối lượng công việc) in one province, for the period, as far as the data
 * holds it (docs/domain/report-rules.md): tasks keep only their current assignee, so a task
 * reassigned since the period counts with its new holder; actions and results come from the
 * dossier's history, which names who acted. Officers are in the caller's scope by the unit they
 * belong to; only those with some figure are listed, busiest first.
 */
export async function reportProvinceOfficers({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProvinceReportInput }) {
  return readProvinceReport({ ctx, tenantId, input }, async (tx, { province, scope, unit, period, inScope }) => {
    const { orgUnits: u, tenantUsers: tu, tasks: t, dossierEvents: e, dossiers: d } = schema;
    const [start, end, asOf] = [at(period.start), at(period.end), at(period.asOf)];
    const held = tx
      .select({
        userId: sql<string>`${t.assigneeUserId}`.as('held_user_id'),
        openTasks: sql<number>`count(*)::int`.as('open_tasks'),
        overdueTasks: sql<number>`(count(*) filter (where ${t.dueAt} < ${asOf}))::int`.as('overdue_tasks'),
      })
      .from(t)
      .where(
        and(
          eq(t.tenantId, tenantId),
          sql`${t.assigneeUserId} is not null and ${t.createdAt} < ${asOf} and (${t.completedAt} is null or ${t.completedAt} >= ${asOf})`,
        ),
      )
      .groupBy(t.assigneeUserId)
      .as('held');
    // The transition that gave the result happened at the dossier's finished_at (the workflow
    // sets both from one clock reading).
    const finishing = sql`${d.finishedAt} = ${e.occurredAt}`;
    const acted = tx
      .select({
        userId: sql<string>`${e.actorUserId}`.as('acted_user_id'),
        actions: sql<number>`count(*)::int`.as('actions'),
        resolved: sql<number>`(count(distinct ${e.dossierId}) filter (where ${finishing}))::int`.as('resolved'),
      })
      .from(e)
      .innerJoin(d, and(eq(d.tenantId, e.tenantId), eq(d.id, e.dossierId)))
      .where(and(eq(e.tenantId, tenantId), sql`${e.actorUserId} is not null and ${e.occurredAt} >= ${start} and ${e.occurredAt} < ${end}`))
      .groupBy(e.actorUserId)
      .as('acted');
    const figures = {
      openTasks: sql<number>`coalesce(${held.openTasks}, 0)`.mapWith(Number),
      overdueTasks: sql<number>`coalesce(${held.overdueTasks}, 0)`.mapWith(Number),
      actions: sql<number>`coalesce(${acted.actions}, 0)`.mapWith(Number),
      resolved: sql<number>`coalesce(${acted.resolved}, 0)`.mapWith(Number),
    };
    const items = await tx
      .select({ userId: tu.userId, fullName: tu.fullName, orgUnitId: u.id, unitName: u.name, ...figures })
      .from(tu)
      .innerJoin(u, and(eq(u.tenantId, tu.tenantId), eq(u.id, tu.orgUnitId)))
      .leftJoin(held, eq(held.userId, tu.userId))
      .leftJoin(acted, eq(acted.userId, tu.userId))
      .where(and(eq(tu.tenantId, tenantId), inScope(u.path), sql`(${held.userId} is not null or ${acted.userId} is not null)`))
      .orderBy(desc(figures.openTasks), desc(figures.actions), asc(tu.fullName));
    const totals = items.reduce<OfficerWorkload>(
      (sum, item) => ({
        openTasks: sum.openTasks + item.openTasks,
        overdueTasks: sum.overdueTasks + item.overdueTasks,
        actions: sum.actions + item.actions,
        resolved: sum.resolved + item.resolved,
      }),
      { openTasks: 0, overdueTasks: 0, actions: 0, resolved: 0 },
    );
    return { province, scope, unit, period: { from: period.from, to: period.to }, items, totals };
  });
}
