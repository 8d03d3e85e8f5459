import { schema } from '@gov/db';
import { DefaultProcessSteps, describeWorkingHours, invalid, ProcedureCode, statutoryWorkingHours } from '@gov/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { loadProcedure, rowToRecord } from '../catalog/procedure-row.js';
import { platformAudit } from '../catalog/platform-audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { strictestTime } from './load-design-context.js';

export const PublishDefaultProcess = v.object({
  procedureCode: ProcedureCode,
  caseCode: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/)), 'default'),
  steps: DefaultProcessSteps,
});
export type PublishDefaultProcess = v.InferInput<typeof PublishDefaultProcess>;

/**
 * The ministry publishes a default process (quy trình mẫu) as a new immutable version. Permission
 * convention: a ProcessDefinition with `tenantId: null` is the ministry's, so the ministry admin's
 * rule is `publish ProcessDefinition { tenantId: null }` and no province rule can match it.
 */
export async function publishDefaultProcess({ ctx, input }: { ctx: ServiceContext; input: PublishDefaultProcess }) {
  assertCan(ctx, 'publish', 'ProcessDefinition', { tenantId: null });
  const data = parseInput(PublishDefaultProcess, input);
  return ctx.db.transaction(async (tx) => {
    const procedure = rowToRecord(await loadProcedure(tx, data.procedureCode));
    const total = data.steps.reduce((sum, s) => sum + s.allottedWorkingHours, 0);
    const limit = statutoryWorkingHours(strictestTime(procedure.processingTime));
    if (total > limit) {
      const over = describeWorkingHours(total - limit);
      throw invalid({ vi: `Tổng thời gian các bước vượt thời hạn giải quyết ${over.vi}.`, en: `The steps exceed the statutory time by ${over.en}.` });
    }
    const dp = schema.defaultProcesses;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`default-process:${data.procedureCode}:${data.caseCode}`}))`);
    const [latest] = await tx
      .select({ version: dp.version })
      .from(dp)
      .where(and(eq(dp.procedureCode, data.procedureCode), eq(dp.caseCode, data.caseCode)))
      .orderBy(desc(dp.version))
      .limit(1);
    const [row] = await tx
      .insert(dp)
      .values({
        procedureCode: data.procedureCode,
        caseCode: data.caseCode,
        version: (latest?.version ?? 0) + 1,
        steps: data.steps,
        publishedBy: ctx.actor?.userId ?? null,
      })
      .returning();
    await platformAudit(tx, ctx, {
      action: 'default_process.published',
      subjectType: 'default_process',
      subjectId: row!.id,
      details: { procedureCode: data.procedureCode, caseCode: data.caseCode, version: row!.version },
    });
    return row!;
  });
}
