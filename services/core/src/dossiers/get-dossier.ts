import { schema, withTenant } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadReadableDossier } from './load-dossier.js';

export const DossierRef = v.object({ dossierId: v.pipe(v.string(), v.uuid()) });

/** First line of a dossier read: the applicant (any province) or a reader in this province. */
export function assertMayRead(ctx: ServiceContext, tenantId: string): void {
  if (ctx.actor?.kind === 'citizen') return;
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
}

/**
 * One dossier as PostgreSQL has it (the workflow projects every transition there): status,
 * deadlines, its files (metadata; bytes through the files route), its history (Form 05 data)
 * and the open task(s). The applicant's full ID number is never stored, so never shown.
 */
export async function getDossier({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: v.InferInput<typeof DossierRef> }) {
  assertMayRead(ctx, tenantId);
  const { dossierId } = parseInput(DossierRef, input);
  const { dossierFiles: f, dossierEvents: e, tasks: t } = schema;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const row = await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const files = await tx
      .select({ id: f.id, componentCode: f.componentCode, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, sha256: f.sha256, uploadedAt: f.uploadedAt })
      .from(f)
      .where(and(eq(f.tenantId, tenantId), eq(f.dossierId, dossierId)))
      .orderBy(asc(f.uploadedAt));
    const events = await tx
      .select({ kind: e.kind, fromStep: e.fromStep, toStep: e.toStep, actorUserId: e.actorUserId, content: e.content, stepDueAt: e.stepDueAt, deadlineMet: e.deadlineMet, occurredAt: e.occurredAt })
      .from(e)
      .where(and(eq(e.tenantId, tenantId), eq(e.dossierId, dossierId)))
      .orderBy(asc(e.occurredAt));
    const tasks = await tx
      .select({ stepKey: t.stepKey, orgUnitId: t.orgUnitId, role: t.role, status: t.status, assigneeUserId: t.assigneeUserId, dueAt: t.dueAt, completedAt: t.completedAt })
      .from(t)
      .where(and(eq(t.tenantId, tenantId), eq(t.dossierId, dossierId)))
      .orderBy(asc(t.createdAt));
    const dossier: Partial<typeof row> = { ...row };
    delete dossier.applicantNameSearch;
    return {
      dossier,
      files: files.map((file) => ({ ...file, path: `/api/tenants/${tenantId}/dossiers/${dossierId}/files/${file.id}` })),
      events,
      openTasks: tasks.filter((task) => task.status === 'open'),
      tasks,
    };
  });
}
