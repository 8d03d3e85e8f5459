import { subject as tag } from '@casl/ability';
import { schema, withTenant } from '@gov/db';
import { formFieldsOf, type ProcedureRecord } from '@gov/domain';
import { and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { atUnit } from '../org-units/load-unit.js';

const subjectAt = (tenantId: string, path: string[]): Record<string, unknown> => ({ ...atUnit(tenantId, path) });

/**
 * What a counter officer may receive (tiếp nhận tại quầy): the procedures active in the province
 * with a published electronic process, each with the receiving units inside the officer's scope,
 * its channels, cases, components and the form fields the applicant fills in. Procedures no unit of theirs receives are left out.
 */
export async function listIntakeProcedures({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'create', 'Dossier', tenantId);
  const { procedureSettings: s, procedures: p, processDefinitions: d, orgUnits: u } = schema;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const isLatest = sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`;
    const published = exists(
      tx
        .select({ one: sql`1` })
        .from(d)
        .where(and(eq(d.tenantId, s.tenantId), eq(d.procedureCode, s.procedureCode), eq(d.status, 'published'))),
    );
    const rows = await tx
      .select({
        code: p.code,
        name: p.name,
        channels: p.channels,
        cases: p.cases,
        forms: p.forms,
        processingTime: p.processingTime,
        receivingUnitIds: s.receivingUnitIds,
      })
      .from(s)
      .innerJoin(p, eq(p.code, s.procedureCode))
      .where(and(eq(s.tenantId, tenantId), eq(s.active, true), isLatest, published))
      .orderBy(asc(p.name), asc(p.code));
    const unitIds = [...new Set(rows.flatMap((row) => row.receivingUnitIds))];
    const units =
      unitIds.length === 0
        ? []
        : await tx
            .select({ id: u.id, name: u.name, path: u.path, active: u.active })
            .from(u)
            .where(and(eq(u.tenantId, tenantId), inArray(u.id, unitIds)));
    const mine = units.filter((unit) => unit.active && ctx.ability.can('create', tag('Dossier', subjectAt(tenantId, unit.path))));
    return rows
      .map((row) => ({
        code: row.code,
        name: row.name,
        channels: row.channels,
        processingTime: row.processingTime as ProcedureRecord['processingTime'],
        cases: (row.cases as ProcedureRecord['cases']).map((c) => ({
          code: c.code,
          name: c.name,
          components: c.components.map((x) => ({ code: x.code, name: x.name, originals: x.originals, copies: x.copies, required: x.required })),
        })),
        formFields: formFieldsOf(row.forms as ProcedureRecord['forms']),
        receivingUnits: mine.filter((unit) => row.receivingUnitIds.includes(unit.id)).map((unit) => ({ id: unit.id, name: unit.name })),
      }))
      .filter((row) => row.receivingUnits.length > 0);
  });
}
