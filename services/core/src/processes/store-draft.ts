import { schema, type TenantDb } from '@gov/db';
import { invalid, validateProcessDesign, type ProcessStep } from '@gov/domain';
import { and, desc, eq } from 'drizzle-orm';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { loadDesignContext, type LoadDesignContext, type OtherProvinces } from './load-design-context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

export type ProcessRow = typeof schema.processDefinitions.$inferSelect;

/** Validates the steps against the tenant as it is now; 400 listing every problem otherwise. */
export async function assertValidDesign(tx: TenantDb, p: LoadDesignContext & { steps: ProcessStep[] }) {
  const design = await loadDesignContext(tx, p);
  const problems = validateProcessDesign(p.steps, design);
  if (problems.length > 0) {
    throw invalid(
      {
        vi: `Quy trình chưa hợp lệ: ${problems.map((x) => x.message.vi).join(' ')}`,
        en: `The process is not valid: ${problems.map((x) => x.message.en).join(' ')}`,
      },
      { problems },
    );
  }
  return design;
}

/**
 * Saves a draft: the open draft of this procedure and case is edited in place; when the latest
 * version is published (immutable), the draft becomes the next version. `ifMatch` names the
 * draft revision the admin edited, or 0 for "there was no open draft": saving over a draft
 * someone else saved or started meanwhile is refused (412), not merged. Running dossiers hold
 * the id of the published version they started with, so drafts never touch them.
 */
export async function storeDraft(
  tx: TenantDb,
  ctx: ServiceContext,
  tenantId: string,
  p: { procedureCode: string; caseCode: string; steps: ProcessStep[]; copiedFrom?: string; otherProvinces: OtherProvinces; ifMatch: IfMatch },
): Promise<ProcessRow> {
  await assertValidDesign(tx, { tenantId, procedureCode: p.procedureCode, caseCode: p.caseCode, steps: p.steps, otherProvinces: p.otherProvinces });
  const d = schema.processDefinitions;
  const [latest] = await tx
    .select()
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.procedureCode, p.procedureCode), eq(d.caseCode, p.caseCode)))
    .orderBy(desc(d.version))
    .limit(1)
    .for('update');
  const [row] =
    latest?.status === 'draft'
      ? await tx
          .update(d)
          .set({ steps: p.steps, createdBy: ctx.actor?.userId ?? null })
          .where(and(eq(d.tenantId, tenantId), eq(d.id, latest.id)))
          .returning()
      : await tx
          .insert(d)
          .values({
            tenantId,
            procedureCode: p.procedureCode,
            caseCode: p.caseCode,
            version: (latest?.version ?? 0) + 1,
            status: 'draft',
            steps: p.steps,
            createdBy: ctx.actor?.userId ?? null,
          })
          .returning();
  // A new draft is inserted at revision 1, so it matches 0 only.
  assertBasedOn(p.ifMatch, row!);
  await audit(tx, ctx, {
    tenantId,
    action: 'process_definition.draft_saved',
    subjectType: 'process_definition',
    subjectId: row!.id,
    details: { procedureCode: p.procedureCode, caseCode: p.caseCode, version: row!.version, steps: p.steps.length, copiedFrom: p.copiedFrom ?? null },
  });
  return row!;
}
