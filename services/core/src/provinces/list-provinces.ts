import { schema } from '@gov/db';
import { asc } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';

export interface Province {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: 'province' | 'municipality';
}

/**
 * The 34 provinces and centrally-run cities in official code order. Public reference data: the
 * citizen portal lists them before anyone logs in, so no permission check applies.
 */
export async function listProvinces({ ctx }: { ctx: ServiceContext }): Promise<Province[]> {
  const { tenants } = schema;
  return ctx.db
    .select({
      id: tenants.id,
      code: tenants.code,
      name: tenants.name,
      fullName: tenants.fullName,
      kind: tenants.kind,
    })
    .from(tenants)
    .orderBy(asc(tenants.code));
}
