import { schema, withTenant, type Queryable, type Sql } from '@gov/db';
import { and, eq, or, sql as raw } from 'drizzle-orm';
import type { Contact } from './issue-code.js';

/** The account a person names by login, email or phone (sign-in and "forgot password"). */
export async function findAccount(db: Queryable, name: string) {
  const u = schema.users;
  const key = name.trim().toLowerCase();
  const [user] = await db
    .select({ id: u.id, kind: u.kind, status: u.status, homeTenantId: u.homeTenantId, email: u.email, phone: u.phone, contactVerifiedAt: u.contactVerifiedAt })
    .from(u)
    .where(or(eq(raw`lower(${u.login})`, key), eq(raw`lower(${u.email})`, key), eq(u.phone, key)))
    .limit(1);
  return user ?? null;
}

export type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/**
 * Where a code for this account goes: a citizen's own verified contact; an officer's email (else
 * phone) from their profile in their home province, which their admins keep.
 */
export async function accountContact(sql: Sql, account: Account): Promise<Contact | null> {
  if (account.kind !== 'officer' || !account.homeTenantId) {
    if (!account.contactVerifiedAt) return null;
    if (account.email) return { channel: 'email', destination: account.email };
    return account.phone ? { channel: 'sms', destination: account.phone } : null;
  }
  const tenantId = account.homeTenantId;
  const tu = schema.tenantUsers;
  const [profile] = await withTenant(sql, tenantId, (tx) =>
    tx
      .select({ email: tu.email, phone: tu.phone })
      .from(tu)
      .where(and(eq(tu.tenantId, tenantId), eq(tu.userId, account.id))),
  );
  return officerContact(profile ?? null);
}

export function officerContact(profile: { email: string | null; phone: string | null } | null): Contact | null {
  if (profile?.email) return { channel: 'email', destination: profile.email };
  return profile?.phone ? { channel: 'sms', destination: profile.phone } : null;
}
