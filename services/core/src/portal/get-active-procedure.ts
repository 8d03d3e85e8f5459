import { schema, withTenant } from '@gov/db';
import { notFound, ProcedureCode } from '@gov/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { loadProcedure, rowToRecord } from '../catalog/procedure-row.js';
import type { ServiceContext } from '../context.js';
import { contactColumns } from '../org-units/contact-columns.js';
import { parseInput } from '../parse-input.js';

export const ActiveProcedureRef = v.object({ code: ProcedureCode });

/**
 * One procedure as a province offers it (public): the catalog's latest version (cases and
 * components, processing time per channel, fees, forms, legal basis), the province's own fee and
 * the units that receive it with their public contact details, so the citizen can choose where to file.
 */
export async function getActiveProcedure({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: v.InferInput<typeof ActiveProcedureRef> }) {
  assertCan(ctx, 'read', 'Procedure');
  const { code } = parseInput(ActiveProcedureRef, input);
  const { procedureSettings: s, orgUnits: u } = schema;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [setting] = await tx
      .select()
      .from(s)
      .where(and(eq(s.tenantId, tenantId), eq(s.procedureCode, code), eq(s.active, true)));
    if (!setting) throw notFound({ vi: `Tỉnh chưa tiếp nhận thủ tục ${code}.`, en: `This province does not offer procedure ${code}.` });
    const procedure = rowToRecord(await loadProcedure(tx, code));
    const receivingUnits = await tx
      .select({ id: u.id, code: u.code, name: u.name, ...contactColumns })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.active, true), inArray(u.id, setting.receivingUnitIds)))
      .orderBy(asc(u.name));
    return { procedure, localFeeVnd: setting.localFeeVnd, receivingUnits };
  });
}
