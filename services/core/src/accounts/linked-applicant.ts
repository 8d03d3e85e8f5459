import { schema, type Queryable } from '@gov/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { citizenIdDigest, type AccountKeys } from './keys.js';

/**
 * The citizen account with this CCCD number, if any, for a dossier taken at the counter. Only a
 * confirmed account is linked: sign-up does not prove the ID number, and an unconfirmed account is
 * the cheapest way to claim someone else's.
 */
export async function linkedApplicant(db: Queryable, keys: AccountKeys, citizenId: string): Promise<string | null> {
  const u = schema.users;
  const [user] = await db
    .select({ id: u.id })
    .from(u)
    .where(and(eq(u.citizenIdDigest, citizenIdDigest(keys, citizenId)), eq(u.kind, 'citizen'), eq(u.status, 'active'), isNotNull(u.contactVerifiedAt)));
  return user?.id ?? null;
}
