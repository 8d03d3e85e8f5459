import { schema } from '@gov/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const ListDefaultProcesses = v.object({ procedureCode: v.optional(v.string()), caseCode: v.optional(v.string()) });
export type ListDefaultProcesses = v.InferOutput<typeof ListDefaultProcesses>;

/** Ministry default processes, every version, for provinces to pick one to copy. */
export async function listDefaultProcesses({ ctx, input }: { ctx: ServiceContext; input: ListDefaultProcesses }) {
  // Public within the platform like the catalog itself: reading a template grants nothing.
  assertCan(ctx, 'read', 'Procedure');
  const { procedureCode, caseCode } = parseInput(ListDefaultProcesses, input);
  const dp = schema.defaultProcesses;
  return ctx.db
    .select()
    .from(dp)
    .where(and(procedureCode ? eq(dp.procedureCode, procedureCode) : undefined, caseCode ? eq(dp.caseCode, caseCode) : undefined))
    .orderBy(asc(dp.procedureCode), asc(dp.caseCode), desc(dp.version));
}
