import { subject as tag } from '@casl/ability';
import { schema, type TenantDb } from '@gov/db';
import { forbidden } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import type { OrgUnitRow } from '../org-units/load-unit.js';
import { dossierNotFound } from './rejection.js';

export type DossierRow = typeof schema.dossiers.$inferSelect;

/**
 * A dossier the actor may read, with its receiving and current units: its applicant, or an
 * officer whose scope covers the unit that received it or the unit holding it now (a commune
 * keeps sight of what it handed to a department). 404 when it is not in this province; 403
 * with the reason otherwise.
 */
export async function loadReadableDossierWithUnits(
  tx: TenantDb,
  ctx: ServiceContext,
  tenantId: string,
  dossierId: string,
): Promise<{ row: DossierRow; units: OrgUnitRow[] }> {
  const u = schema.orgUnits;
  const row = await loadDossierRow(tx, tenantId, dossierId);
  const units = await tx
    .select()
    .from(u)
    .where(and(eq(u.tenantId, tenantId), inArray(u.id, [row.receivingUnitId, row.currentUnitId])));
  const subjectAt = (path: string[]): Record<string, unknown> => ({ tenantId, orgUnitPath: path, applicantUserId: row.applicantUserId });
  if (units.some((unit) => ctx.ability.can('read', tag('Dossier', subjectAt(unit.path))))) return { row, units };
  if (!ctx.actor) assertCan(ctx, 'read', 'Dossier', subjectAt([]));
  throw forbidden(
    ctx.actor?.kind === 'citizen'
      ? { vi: 'Hồ sơ này không do tài khoản của bạn nộp.', en: 'This dossier was not filed by your account.' }
      : { vi: 'Hồ sơ này thuộc đơn vị ngoài phạm vi được phân công của bạn.', en: 'This dossier is at a unit outside your assignments.' },
  );
}

export async function loadReadableDossier(tx: TenantDb, ctx: ServiceContext, tenantId: string, dossierId: string): Promise<DossierRow> {
  return (await loadReadableDossierWithUnits(tx, ctx, tenantId, dossierId)).row;
}

/**
 * The dossier row of this province, or a 404; permission checks are the caller's. A dossier the
 * deletion run deleted after its retention is not found either: only its counted shell is left.
 */
export async function loadDossierRow(tx: TenantDb, tenantId: string, dossierId: string): Promise<DossierRow> {
  const d = schema.dossiers;
  const [row] = await tx
    .select()
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.id, dossierId)));
  if (!row || row.deletedAt) throw dossierNotFound();
  return row;
}
