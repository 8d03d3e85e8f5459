import { withTenant } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { c, consultationView, unitNames, unitsWhereCan } from './consultation-rows.js';

/**
 * Late consultations (lấy ý kiến quá hạn) the caller's units asked for: answered after their
 * deadline or still unanswered past it, oldest deadline first, with their count (the figure the
 * asking unit follows). A province admin or leader at the root sees the whole province.
 */
export async function listLateConsultations({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(c)
      .where(and(eq(c.tenantId, tenantId), eq(c.askingTenantId, tenantId), eq(c.late, true)))
      .orderBy(asc(c.dueAt), asc(c.id))
      .limit(500);
    const mine = await unitsWhereCan(
      tx,
      ctx,
      tenantId,
      rows.map((r) => r.askingUnitId),
      ['read'],
    );
    const visible = rows.filter((r) => mine.has(r.askingUnitId));
    const names = await unitNames(
      tx,
      tenantId,
      visible.flatMap((r) => [r.consultedUnitId, r.askingUnitId]),
    );
    return {
      total: visible.length,
      unanswered: visible.filter((r) => r.answeredAt === null).length,
      items: visible.map((r) => consultationView(r, names)),
    };
  });
}
