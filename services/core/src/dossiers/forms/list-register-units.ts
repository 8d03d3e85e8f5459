import { subject as tag } from '@casl/ability';
import { schema, withTenant } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';
import { assertCanInTenant } from '../../authorize.js';
import type { ServiceContext } from '../../context.js';

/**
 * The active units whose dossier register (Form 06) this officer may print: those where they may
 * read dossiers (their assigned units and the units below). The web app offers these to choose from.
 */
export async function listRegisterUnits({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  const u = schema.orgUnits;
  const units = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ id: u.id, code: u.code, name: u.name, path: u.path })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.active, true)))
      .orderBy(asc(u.name)),
  );
  return units
    .filter((unit) => {
      const at: Record<string, unknown> = { tenantId, orgUnitPath: unit.path, applicantUserId: null };
      return ctx.ability.can('read', tag('Dossier', at));
    })
    .map(({ id, code, name }) => ({ id, code, name }));
}
