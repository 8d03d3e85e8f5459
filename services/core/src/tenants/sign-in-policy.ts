import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

/** How a province's officers may sign in. */
export const SignInPolicy = v.object({
  /** Only "Đăng nhập bằng VNeID": the officers' password sign-in is refused. */
  officersVneidOnly: v.boolean('officersVneidOnly: true hoặc false'),
});
export type SignInPolicy = v.InferOutput<typeof SignInPolicy>;

/**
 * Whole-province administration: a rule for this tenant with no unit subtree. Only a province
 * admin (who manages every officer of the province) has one; unit admins and the ministry do not.
 */
const wholeProvince = (tenantId: string) => ({ tenantId, orgUnitPath: [] });

/** The policy with the province row's revision, its ETag. */
export type SignInPolicyState = SignInPolicy & { revision: number };

async function read(ctx: ServiceContext, tenantId: string): Promise<SignInPolicyState> {
  const t = schema.tenants;
  const [row] = await ctx.db.select({ officersVneidOnly: t.officersVneidOnly, revision: t.revision }).from(t).where(eq(t.id, tenantId));
  if (!row) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
  return row;
}

/** The province's sign-in policy, for whoever may read all its officers (its admins, the ministry). */
export async function getSignInPolicy({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }): Promise<SignInPolicyState> {
  assertCan(ctx, 'read', 'User', wholeProvince(tenantId));
  return read(ctx, tenantId);
}

/** A province admin requires (or stops requiring) VNeID sign-in for the province's officers; audited. */
export async function setSignInPolicy({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: SignInPolicy;
}): Promise<SignInPolicyState> {
  assertCan(ctx, 'manage', 'User', wholeProvince(tenantId));
  const data = parseInput(SignInPolicy, input);
  const before = await read(ctx, tenantId);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const t = schema.tenants;
    // Written even when unchanged, so a stale page cannot "confirm" a policy it never saw.
    const [saved] = await tx.update(t).set({ officersVneidOnly: data.officersVneidOnly }).where(eq(t.id, tenantId)).returning({ revision: t.revision });
    assertBasedOn(ifMatch, saved!);
    if (before.officersVneidOnly === data.officersVneidOnly) return { ...data, revision: saved!.revision };
    await audit(tx, ctx, {
      tenantId,
      action: 'tenant.sign_in_policy_changed',
      subjectType: 'Tenant',
      subjectId: tenantId,
      details: { officersVneidOnly: data.officersVneidOnly },
    });
    return { officersVneidOnly: data.officersVneidOnly, revision: saved!.revision };
  });
}

/** Whether this officer's home province refuses their password sign-in. */
export async function officerNeedsVneid(ctx: Pick<ServiceContext, 'db'>, homeTenantId: string | null): Promise<boolean> {
  if (!homeTenantId) return false;
  const [row] = await ctx.db.select({ only: schema.tenants.officersVneidOnly }).from(schema.tenants).where(eq(schema.tenants.id, homeTenantId));
  return row?.only ?? false;
}
