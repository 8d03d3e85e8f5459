import { withTenant } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { loadReadableDossierWithUnits } from '../dossiers/load-dossier.js';
import { c, consultationView, unitNames } from './consultation-rows.js';

/**
 * The asking side's view of a dossier's consultations: every request, its answer and whether it
 * was late, in the order asked. Whoever may read the dossier may read them.
 */
export async function listDossierConsultations({ ctx, tenantId, dossierId }: { ctx: ServiceContext; tenantId: string; dossierId: string }) {
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await loadReadableDossierWithUnits(tx, ctx, tenantId, dossierId);
    const rows = await tx
      .select()
      .from(c)
      .where(and(eq(c.tenantId, tenantId), eq(c.askingTenantId, tenantId), eq(c.dossierId, dossierId)))
      .orderBy(asc(c.requestedAt), asc(c.id));
    const names = await unitNames(
      tx,
      tenantId,
      rows.flatMap((r) => [r.consultedUnitId, r.askingUnitId]),
    );
    return { items: rows.map((r) => consultationView(r, names)) };
  });
}
