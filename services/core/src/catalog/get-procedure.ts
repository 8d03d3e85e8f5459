import * as v from 'valibot';
import { ProcedureCode } from '@gov/domain';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadProcedure, rowToRecord } from './procedure-row.js';

export const GetProcedure = v.object({ code: ProcedureCode, version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) });
export type GetProcedure = v.InferOutput<typeof GetProcedure>;

/** One catalog entry: the latest version, or the one a dossier was filed under. */
export async function getProcedure({ ctx, input }: { ctx: ServiceContext; input: GetProcedure }) {
  assertCan(ctx, 'read', 'Procedure');
  const { code, version } = parseInput(GetProcedure, input);
  return rowToRecord(await loadProcedure(ctx.db, code, version));
}
