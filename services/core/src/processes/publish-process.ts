import { schema, withTenant } from '@gov/db';
import { conflict, notFound } from '@gov/domain';
import { and, eq, ne } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadOtherProvinces } from './load-design-context.js';
import { assertValidDesign } from './store-draft.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { assertHandOverAgreements, loadOnwardAgreements } from '../agreements/assert-hand-over-agreements.js';

export const PublishProcess = v.object({ id: v.pipe(v.string(), v.uuid()) });
export type PublishProcess = v.InferOutput<typeof PublishProcess>;

/**
 * Publishes a draft: it becomes the version new dossiers run, and the previously published one
 * is retired. Both stay stored unchanged: dossiers already running keep the version they
 * started with. Re-validated here, since units, roles or activations may have changed.
 */
export async function publishProcess({ ctx, tenantId, ifMatch, input }: { ctx: ServiceContext; tenantId: string; ifMatch: IfMatch; input: PublishProcess }) {
  assertCan(ctx, 'publish', 'ProcessDefinition', { tenantId });
  const { id } = parseInput(PublishProcess, input);
  const d = schema.processDefinitions;
  const missing = () => notFound({ vi: 'Không tìm thấy quy trình.', en: 'Process not found.' });
  // The provinces the draft hands over to are read first, each in its own tenant context.
  const [before] = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ steps: d.steps, procedureCode: d.procedureCode })
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.id, id))),
  );
  if (!before) throw missing();
  const otherProvinces = await loadOtherProvinces(ctx, tenantId, before.steps);
  const onward = await loadOnwardAgreements(ctx, { tenantId, procedureCode: before.procedureCode, steps: before.steps });
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [draft] = await tx
      .select()
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.id, id)))
      .for('update');
    if (!draft) throw missing();
    if (JSON.stringify(draft.steps) !== JSON.stringify(before.steps)) {
      throw conflict({ vi: 'Bản nháp vừa được sửa; hãy ban hành lại.', en: 'The draft was just changed; publish again.' });
    }
    if (draft.status !== 'draft') {
      throw conflict({
        vi: `Phiên bản ${draft.version} đã ban hành và không thể sửa; hãy tạo bản nháp mới.`,
        en: `Version ${draft.version} is already published and immutable; create a new draft.`,
      });
    }
    await assertValidDesign(tx, {
      tenantId,
      procedureCode: draft.procedureCode,
      caseCode: draft.caseCode,
      steps: draft.steps,
      otherProvinces,
    });
    await assertHandOverAgreements(tx, ctx.db, { tenantId, procedureCode: draft.procedureCode, steps: draft.steps, onward });
    const sameProcess = and(eq(d.tenantId, tenantId), eq(d.procedureCode, draft.procedureCode), eq(d.caseCode, draft.caseCode));
    await tx
      .update(d)
      .set({ status: 'retired' })
      .where(and(sameProcess, eq(d.status, 'published'), ne(d.id, id)));
    const [published] = await tx
      .update(d)
      .set({ status: 'published', publishedAt: new Date() })
      .where(and(eq(d.tenantId, tenantId), eq(d.id, id)))
      .returning();
    assertBasedOn(ifMatch, published!);
    await audit(tx, ctx, {
      tenantId,
      action: 'process_definition.published',
      subjectType: 'process_definition',
      subjectId: id,
      details: { procedureCode: draft.procedureCode, caseCode: draft.caseCode, version: draft.version },
    });
    return published!;
  });
}
