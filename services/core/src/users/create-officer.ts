import { withTenant } from '@gov/db';
import * as v from 'valibot';
import type { AccountKeys } from '../accounts/keys.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { insertOfficer } from './insert-officer.js';
import { OfficerProfile } from './officer-fields.js';
import { sendAccountCode } from './send-account-code.js';

export const CreateOfficer = v.object({
  ...OfficerProfile.entries,
  login: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9._@-]{3,100}$/, 'Tên đăng nhập 3–100 ký tự: chữ thường, số, . _ @ -')),
  orgUnitId: v.pipe(v.string(), v.uuid()),
});
export type CreateOfficer = v.InferOutput<typeof CreateOfficer>;

/**
 * Creates an officer account at a unit of the province (province admin, or a unit admin in its
 * subtree) and sends the officer an invitation code to their email (else phone), with which they
 * choose their own password (docs/domain/account-authority.md#invitations).
 */
export async function createOfficer({ ctx, tenantId, keys, input }: { ctx: ServiceContext; tenantId: string; keys: AccountKeys; input: CreateOfficer }) {
  assertCanInTenant(ctx, 'create', 'User', tenantId);
  const data = parseInput(CreateOfficer, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, data.orgUnitId);
    assertCan(ctx, 'create', 'User', atUnit(tenantId, unit.path));
    const id = await insertOfficer(tx, { tenantId, orgUnitId: unit.id, account: data });
    const invitationSentBy = await sendAccountCode(tx, keys, { userId: id, purpose: 'invitation', profile: data });
    await audit(tx, ctx, {
      tenantId,
      action: 'user.created',
      subjectType: 'user',
      subjectId: id,
      details: { login: data.login, orgUnitId: unit.id, invitationSentBy },
    });
    return { id, login: data.login, invitationSentBy };
  });
}
