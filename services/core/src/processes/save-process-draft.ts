import { withTenant } from '@gov/db';
import { ProcedureCode, ProcessStep } from '@gov/domain';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadOtherProvinces } from './load-design-context.js';
import { storeDraft } from './store-draft.js';
import { type IfMatch } from '../if-match.js';

export const SaveProcessDraft = v.object({
  procedureCode: ProcedureCode,
  /** The procedure's case (trường hợp); `default` when the process serves every case. */
  caseCode: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/)), 'default'),
  steps: v.pipe(v.array(ProcessStep), v.minLength(1, 'cần ít nhất một bước'), v.maxLength(50)),
});
export type SaveProcessDraft = v.InferInput<typeof SaveProcessDraft>;

/** The electronic process designer's save (thiết kế quy trình điện tử), validated on every save. */
export async function saveProcessDraft({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: SaveProcessDraft;
}) {
  assertCan(ctx, 'create', 'ProcessDefinition', { tenantId });
  const data = parseInput(SaveProcessDraft, input);
  const otherProvinces = await loadOtherProvinces(ctx, tenantId, data.steps);
  return withTenant(ctx.sql, tenantId, (tx) => storeDraft(tx, ctx, tenantId, { ...data, otherProvinces, ifMatch }));
}
