import { schema, withTenant } from '@gov/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListProcesses = v.object({ procedureCode: v.optional(v.string()), caseCode: v.optional(v.string()) });
export type ListProcesses = v.InferOutput<typeof ListProcesses>;

/** Every version of a province's processes, newest first per procedure and case. */
export async function listProcesses({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListProcesses }) {
  assertCan(ctx, 'read', 'ProcessDefinition', { tenantId });
  const { procedureCode, caseCode } = parseInput(ListProcesses, input);
  const d = schema.processDefinitions;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select()
      .from(d)
      .where(and(eq(d.tenantId, tenantId), procedureCode ? eq(d.procedureCode, procedureCode) : undefined, caseCode ? eq(d.caseCode, caseCode) : undefined))
      .orderBy(asc(d.procedureCode), asc(d.caseCode), desc(d.version)),
  );
}
