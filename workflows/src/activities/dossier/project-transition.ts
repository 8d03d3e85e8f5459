import { schema, withTenant, withTenantPair, type Sql, type TenantDb } from '@gov/db';
import { outboxMessage } from '@gov/domain/contract';
import { withTraceCarrier } from '@gov/runtime';
import { and, eq, inArray, sql as raw, type SQL } from 'drizzle-orm';
import { enqueuePortalSync } from './enqueue-portal-sync.js';
import { projectConsultations } from './project-consultations.js';
import type { TransitionProjection } from './projection-input.js';

const d = schema.dossiers;
const t = schema.tasks;

const date = (iso: string | null | undefined) => (iso === undefined ? undefined : iso === null ? null : new Date(iso));

/** Refused at intake (3), withdrawn (7), stopped (8): closed without a result (docs/domain/statuses.md). */
const CLOSED_WITHOUT_RESULT = new Set([3, 7, 8]);

/**
 * `closed_at`, which the periodic reports read: the result's instant once there is one, else the
 * instant of the transition that first brought the dossier to 3, 7 or 8. Kept, never moved, by any
 * later patch with such a status (a replay, or a late hand-over projection), and never cleared:
 * a closed dossier does not reopen. Undefined leaves the column as it is.
 */
function closedAt(p: TransitionProjection): Date | SQL | undefined {
  const { finishedAt, nationalStatus } = p.dossier;
  if (finishedAt) return new Date(finishedAt);
  if (nationalStatus !== undefined && CLOSED_WITHOUT_RESULT.has(nationalStatus)) return raw`coalesce(${d.closedAt}, ${p.occurredAt}::timestamptz)`;
  return undefined;
}

/**
 * Writes one dossier transition in one tenant transaction: the event (keyed by workflow id, step
 * and transition number, so a retry after a crash inserts nothing), the dossier's columns, the
 * task inbox, the applicant's notification in the outbox and the national portal's record in its
 * own outbox when what the portal holds changed. All of it only when the event is new: the event
 * and its writes commit together, so an event already there had its writes applied, and a replay
 * writes nothing. A replay can land late: an attempt a worker was still running when the workflow
 * task moved to another worker (PostgreSQL and Temporal down together) wrote the dossier's first
 * status over its last one before this rule.
 */
export async function projectTransition(sql: Sql, p: TransitionProjection): Promise<{ inserted: boolean }> {
  // Consultation requests may have a copy in another province: one transaction across both.
  if (p.consultations) {
    return withTenantPair(sql, p.tenantId, async (tx, switchTo) => {
      const result = await writeTransition(tx, p);
      if (result.inserted) await projectConsultations(tx, switchTo, p);
      return result;
    });
  }
  return withTenant(sql, p.tenantId, (tx) => writeTransition(tx, p));
}

async function writeTransition(tx: TenantDb, p: TransitionProjection): Promise<{ inserted: boolean }> {
  const inserted = await tx
    .insert(schema.dossierEvents)
    .values({
      tenantId: p.tenantId,
      dossierId: p.dossierId,
      eventKey: p.eventKey,
      kind: p.kind,
      actorUserId: p.actorUserId,
      fromStep: p.fromStep,
      toStep: p.toStep,
      content: p.content,
      stepDueAt: date(p.stepDueAt),
      deadlineMet: p.deadlineMet,
      occurredAt: new Date(p.occurredAt),
    })
    .onConflictDoNothing()
    .returning({ id: schema.dossierEvents.id });
  if (inserted.length === 0) return { inserted: false };
  const patch = p.dossier;
  await recordDueDateChange(tx, p);
  await tx
    .update(d)
    .set({
      workflowId: patch.workflowId,
      handOverWorkflowId: patch.handOverWorkflowId,
      nationalStatus: patch.nationalStatus,
      localStatus: patch.localStatus,
      currentUnitId: patch.currentUnitId,
      dueAt: date(patch.dueAt),
      overdueAt: date(patch.overdueAt),
      finishedAt: date(patch.finishedAt),
      returnedAt: date(patch.returnedAt),
      closedAt: closedAt(p),
    })
    .where(and(eq(d.tenantId, p.tenantId), eq(d.id, p.dossierId)));
  await projectTasks(tx, p);
  await enqueuePortalSync(tx, p);
  if (p.notify) {
    await tx.insert(schema.outbox).values({
      tenantId: p.tenantId,
      ...outboxMessage('notification.dossier', withTraceCarrier({ dossierId: p.dossierId, template: p.notify.template, eventKey: p.eventKey })),
    });
  }
  return { inserted: true };
}

type Tx = Parameters<Parameters<typeof withTenant>[2]>[0];

/**
 * Keeps the due date's history (dossier_due_dates) before the row takes the new one: a row when
 * the patch's due date differs from the dossier's, effective at the transition (intake, a pause
 * or resumption of the clock, an apology letter). A closed period's report reads the due date as
 * it stood at its end (docs/domain/report-rules.md). The event key makes a replay add nothing.
 */
async function recordDueDateChange(tx: Tx, p: TransitionProjection) {
  const dueAt = date(p.dossier.dueAt);
  if (dueAt === undefined) return;
  const h = schema.dossierDueDates;
  await tx
    .insert(h)
    .select(
      tx
        .select({
          tenantId: d.tenantId,
          id: raw<string>`gen_random_uuid()`.as('id'),
          dossierId: d.id,
          dueAt: raw<Date | null>`${dueAt === null ? null : dueAt.toISOString()}::timestamptz`.as('due_at'),
          effectiveAt: raw<Date>`${p.occurredAt}::timestamptz`.as('effective_at'),
          eventKey: raw<string>`${p.eventKey}`.as('event_key'),
        })
        .from(d)
        .where(
          and(eq(d.tenantId, p.tenantId), eq(d.id, p.dossierId), raw`${d.dueAt} is distinct from ${dueAt === null ? null : dueAt.toISOString()}::timestamptz`),
        ),
    )
    .onConflictDoNothing();
}

async function projectTasks(tx: Tx, p: TransitionProjection) {
  const of = and(eq(t.tenantId, p.tenantId), eq(t.dossierId, p.dossierId));
  const at = new Date(p.occurredAt);
  if (p.tasks.cancelOpen) {
    await tx
      .update(t)
      .set({ status: 'cancelled', completedAt: at })
      .where(and(of, eq(t.status, 'open')));
  }
  if (p.tasks.complete?.length) {
    await tx
      .update(t)
      .set({ status: 'done', completedAt: at })
      .where(and(of, eq(t.status, 'open'), inArray(t.stepKey, p.tasks.complete)));
  }
  if (p.tasks.assign) {
    await tx
      .update(t)
      .set({ assigneeUserId: p.tasks.assign.assigneeUserId })
      .where(and(of, eq(t.stepKey, p.tasks.assign.stepKey)));
  }
  const open = p.tasks.open;
  if (open) {
    const row = {
      orgUnitId: open.orgUnitId,
      role: open.role,
      dueAt: date(open.dueAt),
      assigneeUserId: open.assigneeUserId,
      status: 'open' as const,
      completedAt: null,
    };
    await tx
      .insert(t)
      .values({ tenantId: p.tenantId, dossierId: p.dossierId, stepKey: open.stepKey, ...row })
      .onConflictDoUpdate({ target: [t.tenantId, t.dossierId, t.stepKey], set: row });
  }
}
