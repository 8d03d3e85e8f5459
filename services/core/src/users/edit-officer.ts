import { schema, withTenant } from '@gov/db';
import { invalid } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { assertAccountAdminIn, assertMayActOnAccount } from './account-authority.js';
import { OfficerProfile } from './officer-fields.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

export const EditOfficer = v.partial(OfficerProfile);
export type EditOfficer = v.InferOutput<typeof EditOfficer>;

/**
 * Edits an officer's profile. Each changed field is checked on its own: a unit admin may change
 * name, position, phone and email but not the citizen ID. The audit names the fields changed,
 * never their values (the citizen ID and phone are personal data).
 */
export async function editOfficer({
  ctx,
  tenantId,
  userId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  userId: string;
  ifMatch: IfMatch;
  input: EditOfficer;
}) {
  assertAccountAdminIn(ctx, tenantId, 'edit_profile');
  const data = parseInput(EditOfficer, input);
  const fields = Object.keys(data) as (keyof EditOfficer)[];
  if (fields.length === 0) throw invalid({ vi: 'Không có thông tin nào để sửa.', en: 'Nothing to change.' });
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const officer = await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'edit_profile' });
    if (officer.as !== 'ministry_admin') for (const field of fields) assertCan(ctx, 'update', 'User', atUnit(tenantId, officer.path), field);
    const { tenantUsers: t, users } = schema;
    const [edited] = await tx
      .update(t)
      .set(data)
      .where(and(eq(t.tenantId, tenantId), eq(t.userId, userId)))
      .returning({ revision: t.revision });
    // assertMayActOnAccount found the officer in this province in this transaction.
    assertBasedOn(ifMatch, edited!);
    if (data.fullName) await tx.update(users).set({ displayName: data.fullName }).where(eq(users.id, userId));
    await audit(tx, ctx, { tenantId, action: 'user.updated', subjectType: 'user', subjectId: userId, details: { fields } });
    return { userId, updated: fields, revision: edited!.revision };
  });
}
