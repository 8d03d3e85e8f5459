import { schema, type TenantDb } from '@gov/db';
import type { AppAction } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { can } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { atUnit } from '../org-units/load-unit.js';

export const c = schema.dossierConsultations;
export type ConsultationRow = typeof c.$inferSelect;

/** One request as the API answers it; the answer's author is an id (their name stays in their province). */
export function consultationView(row: ConsultationRow, unitNames: ReadonlyMap<string, string> = new Map()) {
  return {
    id: row.id,
    dossierId: row.askingTenantId === row.tenantId ? row.dossierId : null,
    dossierCode: row.dossierCode,
    procedureCode: row.procedureCode,
    askingTenantId: row.askingTenantId,
    askingUnitId: row.askingUnitId,
    askingUnitName: unitNames.get(row.askingUnitId) ?? null,
    consultedTenantId: row.consultedTenantId,
    consultedUnitId: row.consultedUnitId,
    consultedUnitName: unitNames.get(row.consultedUnitId) ?? null,
    stepKey: row.stepKey,
    stepName: row.stepName,
    question: row.question,
    requestedAt: row.requestedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    answer: row.answer,
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    overdueAt: row.overdueAt?.toISOString() ?? null,
    late: row.late ?? false,
  };
}
export type ConsultationView = ReturnType<typeof consultationView>;

/** Names of this province's units among `ids` (another province's units are not readable here). */
export async function unitNames(tx: TenantDb, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const u = schema.orgUnits;
  const rows = await tx
    .select({ id: u.id, name: u.name })
    .from(u)
    .where(and(eq(u.tenantId, tenantId), inArray(u.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who answers a request: an officer who processes or approves dossiers at the consulted unit. */
export const ANSWERING: readonly AppAction[] = ['process', 'approve'];

/**
 * The units among `ids` where the caller does one of `actions` on dossiers (their role at the unit or
 * above it, by the CASL subtree rule): whose requests they answer, or whose late ones they follow.
 */
export async function unitsWhereCan(
  tx: TenantDb,
  ctx: ServiceContext,
  tenantId: string,
  ids: readonly string[],
  actions: readonly AppAction[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const u = schema.orgUnits;
  const rows = await tx
    .select({ id: u.id, path: u.path })
    .from(u)
    .where(and(eq(u.tenantId, tenantId), inArray(u.id, [...new Set(ids)])));
  return new Set(rows.filter((r) => actions.some((action) => can(ctx, action, 'Dossier', atUnit(tenantId, r.path)))).map((r) => r.id));
}
