import { schema, type TenantDb } from '@gov/db';
import { conflict } from '@gov/domain';

export interface OfficerAccount {
  login: string;
  fullName: string;
  citizenId: string;
  position: string;
  phone: string;
  email: string;
}

/**
 * The officer's login identity (home province = this tenant) and profile at a unit, in the
 * caller's transaction. A taken login is a 409 that names it. The account has no password: the
 * officer chooses one with the invitation code (sendInvitation), so no admin ever knows it.
 */
export async function insertOfficer(tx: TenantDb, args: { tenantId: string; orgUnitId: string; account: OfficerAccount }): Promise<string> {
  const { tenantId, orgUnitId, account } = args;
  const { login, fullName, citizenId, position, phone, email } = account;
  const [user] = await tx
    .insert(schema.users)
    .values({
      login,
      passwordHash: null,
      kind: 'officer',
      homeTenantId: tenantId,
      displayName: fullName,
      passwordChangedAt: null,
      passwordChangeRequired: false,
    })
    .onConflictDoNothing()
    .returning({ id: schema.users.id });
  if (!user) throw conflict({ vi: `Tên đăng nhập ${login} đã tồn tại.`, en: `The login ${login} is taken.` });
  await tx.insert(schema.tenantUsers).values({ tenantId, userId: user.id, orgUnitId, fullName, citizenId, position, phone, email });
  return user.id;
}
