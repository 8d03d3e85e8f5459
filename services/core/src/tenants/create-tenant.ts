import { schema, withTenant } from '@gov/db';
import { conflict } from '@gov/domain';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { ensureRootUnit } from './ensure-root-unit.js';

export const CreateTenant = v.object({
  code: v.pipe(v.string(), v.trim(), v.regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')),
  name: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(100)),
  fullName: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(150)),
  kind: v.picklist(['province', 'municipality']),
});

/** The ministry admin creates a province (tenant) with its root unit. */
export async function createTenant({ ctx, input }: { ctx: ServiceContext; input: v.InferOutput<typeof CreateTenant> }) {
  assertCan(ctx, 'create', 'Tenant');
  const data = parseInput(CreateTenant, input);
  const [tenant] = await ctx.db.insert(schema.tenants).values(data).onConflictDoNothing().returning();
  if (!tenant) throw conflict({ vi: `Mã tỉnh ${data.code} đã tồn tại.`, en: `Province code ${data.code} exists.` });
  await withTenant(ctx.sql, tenant.id, async (tx) => {
    const root = await ensureRootUnit(tx, tenant.id);
    await audit(tx, ctx, {
      tenantId: tenant.id,
      action: 'tenant.created',
      subjectType: 'tenant',
      subjectId: tenant.id,
      details: { code: data.code, rootUnitId: root.id },
    });
  });
  return tenant;
}
