import { withTenant } from '@gov/db';
import * as v from 'valibot';
import { hashPassword } from '../auth/passwords.js';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import { insertOfficer } from './insert-officer.js';
import { OfficerProfile, Password } from './officer-fields.js';

export const CreateOfficer = v.object({
  ...OfficerProfile.entries,
  login: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9._@-]{3,100}$/, 'Tên đăng nhập 3–100 ký tự: chữ thường, số, . _ @ -')),
  initialPassword: Password,
  orgUnitId: v.pipe(v.string(), v.uuid()),
});
export type CreateOfficer = v.InferOutput<typeof CreateOfficer>;

/** Creates an officer account at a unit of the province (province admin, or a unit admin in its subtree). */
export async function createOfficer({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: CreateOfficer }) {
  assertCanInTenant(ctx, 'create', 'User', tenantId);
  const data = parseInput(CreateOfficer, input);
  const passwordHash = await hashPassword(data.initialPassword);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, data.orgUnitId);
    assertCan(ctx, 'create', 'User', atUnit(tenantId, unit.path));
    const id = await insertOfficer(tx, { tenantId, orgUnitId: unit.id, passwordHash, account: data });
    await audit(tx, ctx, { tenantId, action: 'user.created', subjectType: 'user', subjectId: id, details: { login: data.login, orgUnitId: unit.id } });
    return { id, login: data.login };
  });
}
