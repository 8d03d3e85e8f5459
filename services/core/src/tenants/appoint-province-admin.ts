import { withTenant } from '@gov/db';
import * as v from 'valibot';
import { hashPassword } from '../auth/passwords.js';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { insertAssignment } from '../role-assignments/grant-role.js';
import { CreateOfficer } from '../users/create-officer.js';
import { insertOfficer } from '../users/insert-officer.js';
import { ensureRootUnit } from './ensure-root-unit.js';

export const AppointProvinceAdmin = v.object({
  ...v.omit(CreateOfficer, ['orgUnitId']).entries,
  reason: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập căn cứ bổ nhiệm (văn bản đăng ký)'), v.maxLength(500)),
});
export type AppointProvinceAdmin = v.InferOutput<typeof AppointProvinceAdmin>;

/**
 * The ministry appoints a province admin from the registration annex (docs/domain/roles.md): the account,
 * its profile at the province root, and the assignment, in one transaction. The database cap
 * refuses a fourth active admin even under concurrent appointments.
 */
export async function appointProvinceAdmin({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: AppointProvinceAdmin }) {
  assertCan(ctx, 'manage', 'Tenant');
  const data = parseInput(AppointProvinceAdmin, input);
  const passwordHash = await hashPassword(data.initialPassword);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, tenantId);
    const userId = await insertOfficer(tx, { tenantId, orgUnitId: root.id, passwordHash, account: data });
    const assignment = await insertAssignment(tx, ctx, { tenantId, userId, role: 'province_admin', orgUnitId: root.id, reason: data.reason });
    await audit(tx, ctx, { tenantId, action: 'province_admin.appointed', subjectType: 'role_assignment', subjectId: assignment.id, details: { userId, login: data.login } });
    return { userId, assignmentId: assignment.id, rootUnitId: root.id };
  });
}
