import { withTenant } from '@gov/db';
import * as v from 'valibot';
import type { AccountKeys } from '../accounts/keys.js';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { insertAssignment } from '../role-assignments/grant-role.js';
import { CreateOfficer } from '../users/create-officer.js';
import { insertOfficer } from '../users/insert-officer.js';
import { sendAccountCode } from '../users/send-account-code.js';
import { ensureRootUnit } from './ensure-root-unit.js';

export const AppointProvinceAdmin = v.object({
  ...v.omit(CreateOfficer, ['orgUnitId']).entries,
  reason: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập căn cứ bổ nhiệm (văn bản đăng ký)'), v.maxLength(500)),
});
export type AppointProvinceAdmin = v.InferOutput<typeof AppointProvinceAdmin>;

/**
 * The ministry appoints a province admin from the registration annex (docs/domain/roles.md): the account,
 * its profile at the province root, the assignment and the invitation code (the appointee chooses
 * their own password; docs/domain/account-authority.md#invitations), in one transaction. The
 * database cap refuses a fourth active admin even under concurrent appointments.
 */
export async function appointProvinceAdmin({
  ctx,
  tenantId,
  keys,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  keys: AccountKeys;
  input: AppointProvinceAdmin;
}) {
  assertCan(ctx, 'manage', 'Tenant');
  const data = parseInput(AppointProvinceAdmin, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, tenantId);
    const userId = await insertOfficer(tx, { tenantId, orgUnitId: root.id, account: data });
    const assignment = await insertAssignment(tx, ctx, { tenantId, userId, role: 'province_admin', orgUnitId: root.id, reason: data.reason });
    const invitationSentBy = await sendAccountCode(tx, keys, { userId, purpose: 'invitation', profile: data });
    await audit(tx, ctx, {
      tenantId,
      action: 'province_admin.appointed',
      subjectType: 'role_assignment',
      subjectId: assignment.id,
      details: { userId, login: data.login, invitationSentBy },
    });
    return { userId, assignmentId: assignment.id, rootUnitId: root.id, invitationSentBy };
  });
}
