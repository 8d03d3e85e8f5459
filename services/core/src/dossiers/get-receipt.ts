import { schema, withTenant } from '@gov/db';
import type { ProcedureRecord } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import type * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { assertMayRead, DossierRef } from './get-dossier.js';
import { loadReadableDossier } from './load-dossier.js';
import { buildReceipt } from './receipt.js';
import { statusToken } from './status-token.js';

/**
 * The receipt (Form 01) again, e.g. to reprint it. The promised date is the dossier's current
 * one: after acceptance the workflow counts it from the acceptance, and an apology moves it.
 */
export async function getReceipt({
  ctx,
  tenantId,
  input,
  statusTokenSecret,
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierRef>;
  statusTokenSecret: string;
}) {
  assertMayRead(ctx, tenantId);
  const { dossierId } = parseInput(DossierRef, input);
  const { dossierFiles: f, procedures: p } = schema;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const row = await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const [procedure] = await tx.select({ name: p.name, cases: p.cases }).from(p).where(eq(p.id, row.procedureId));
    const unit = await loadUnit(tx, tenantId, row.receivingUnitId);
    // Form 01 acknowledges what was handed in at intake, not later supplements or results.
    const files = await tx
      .select()
      .from(f)
      .where(and(eq(f.tenantId, tenantId), eq(f.dossierId, dossierId), eq(f.purpose, 'intake')));
    const components = ((procedure?.cases ?? []) as ProcedureRecord['cases'])
      .flatMap((c) => c.components)
      .filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i && files.some((file) => file.componentCode === c.code));
    return buildReceipt({
      code: row.code,
      procedureName: procedure?.name ?? '',
      receivingUnitName: unit.name,
      applicantName: row.applicantName,
      channel: row.channel,
      components,
      files,
      receivedAt: row.receivedAt,
      promisedReturnAt: row.dueAt ?? row.receivedAt,
      statusToken: statusToken(statusTokenSecret, tenantId, dossierId),
    });
  });
}
