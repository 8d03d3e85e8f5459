import { schema, type TenantDb } from '@gov/db';
import type { ProcedureRecord } from '@gov/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { loadReadableDossierWithUnits } from '../load-dossier.js';

/**
 * Everything Forms 01–05 print about one dossier, read in the caller's tenant transaction after
 * the same check as reading the dossier (applicant, or an officer whose units cover it).
 */
export async function loadFormData(tx: TenantDb, ctx: ServiceContext, tenantId: string, dossierId: string) {
  const { dossierFiles: f, dossierEvents: e, procedures: p, processDefinitions: pd, tenantUsers: tu, tenants, orgUnits: u, dossierConsultations: dc } = schema;
  const { row } = await loadReadableDossierWithUnits(tx, ctx, tenantId, dossierId);
  const [files, events, [procedure], [process], [tenant], consultations] = await Promise.all([
    tx
      .select()
      .from(f)
      .where(and(eq(f.tenantId, tenantId), eq(f.dossierId, dossierId), eq(f.purpose, 'intake')))
      .orderBy(asc(f.uploadedAt)),
    tx
      .select()
      .from(e)
      .where(and(eq(e.tenantId, tenantId), eq(e.dossierId, dossierId)))
      .orderBy(asc(e.occurredAt)),
    tx.select({ name: p.name, cases: p.cases }).from(p).where(eq(p.id, row.procedureId)),
    row.processDefinitionId
      ? tx
          .select({ steps: pd.steps })
          .from(pd)
          .where(and(eq(pd.tenantId, tenantId), eq(pd.id, row.processDefinitionId)))
      : Promise.resolve([]),
    tx.select({ code: tenants.code, name: tenants.name, fullName: tenants.fullName }).from(tenants).where(eq(tenants.id, tenantId)),
    // The answers of its consultations (lấy ý kiến) are printed with the dossier's history.
    tx
      .select()
      .from(dc)
      .where(and(eq(dc.tenantId, tenantId), eq(dc.askingTenantId, tenantId), eq(dc.dossierId, dossierId))),
  ]);
  const steps = process?.steps ?? [];
  const unitIds = [...new Set([row.receivingUnitId, row.currentUnitId, ...steps.map((s) => s.orgUnitId), ...consultations.map((c) => c.consultedUnitId)])];
  const actorIds = [...new Set(events.map((event) => event.actorUserId).filter((id): id is string => id !== null))];
  const [units, people] = await Promise.all([
    tx
      .select({ id: u.id, name: u.name })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), inArray(u.id, unitIds))),
    actorIds.length === 0
      ? Promise.resolve([])
      : tx
          .select({ userId: tu.userId, fullName: tu.fullName })
          .from(tu)
          .where(and(eq(tu.tenantId, tenantId), inArray(tu.userId, actorIds))),
  ]);
  const components = ((procedure?.cases ?? []) as ProcedureRecord['cases']).flatMap((c) => c.components);
  return {
    row,
    tenantName: tenant?.name ?? '',
    /** The province whose certificate signs the form. */
    province: { code: tenant?.code ?? '', name: tenant?.name ?? '', fullName: tenant?.fullName ?? '' },
    procedureName: procedure?.name ?? '',
    components,
    files,
    events,
    steps,
    consultation: (id: unknown) => consultations.find((c) => c.id === id) ?? null,
    unitName: (id: string | null | undefined) => units.find((unit) => unit.id === id)?.name ?? null,
    personName: (id: string | null | undefined) => people.find((person) => person.userId === id)?.fullName ?? null,
  };
}

export type FormData = Awaited<ReturnType<typeof loadFormData>>;
