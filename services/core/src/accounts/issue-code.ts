import { randomUUID } from 'node:crypto';
import { MS_PER_HOUR } from '@gov/calendar';
import { CODE_LIFETIME_MS, deriveOneTimeCode, INVITATION_LIFETIME_HOURS, oneTimeCodeDigest, schema, type Queryable } from '@gov/db';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { AccountKeys } from './keys.js';

export type CodePurpose = 'verify_contact' | 'reset_password' | 'invitation';
export interface Contact {
  channel: 'email' | 'sms';
  destination: string;
}

/** More requests than this within an hour are answered as usual but send nothing. */
const MAX_CODES_PER_HOUR = 5;

/** How long a code of each purpose works (docs/domain/account-authority.md#invitations). */
const lifetimeMs = (purpose: CodePurpose) => (purpose === 'invitation' ? INVITATION_LIFETIME_HOURS * MS_PER_HOUR : CODE_LIFETIME_MS);

/**
 * Issues a one-time code in the caller's transaction: the row (only the code's HMAC) and the
 * outbox row that makes the worker send it. Earlier unused codes of the same purpose expire, so
 * only the newest one works. Returns false when the hourly limit held it back.
 */
export async function issueCode(tx: Queryable, keys: AccountKeys, args: { userId: string; purpose: CodePurpose; contact: Contact }): Promise<boolean> {
  const c = schema.oneTimeCodes;
  const mine = and(eq(c.userId, args.userId), eq(c.purpose, args.purpose));
  const [recent] = await tx
    .select({ n: count() })
    .from(c)
    .where(and(mine, gt(c.createdAt, new Date(Date.now() - MS_PER_HOUR))));
  if ((recent?.n ?? 0) >= MAX_CODES_PER_HOUR) return false;
  const now = new Date();
  await tx
    .update(c)
    .set({ expiresAt: now })
    .where(and(mine, isNull(c.usedAt), gt(c.expiresAt, now)));
  await insertCodes(tx, keys, [args], now);
  return true;
}

/**
 * Invitations for accounts created a moment ago in the caller's transaction (a bulk import):
 * nothing was sent to them yet, so there is no hourly limit to check or earlier code to expire.
 */
export function issueInvitations(tx: Queryable, keys: AccountKeys, invitations: { userId: string; contact: Contact }[]): Promise<void> {
  return insertCodes(
    tx,
    keys,
    invitations.map((i) => ({ ...i, purpose: 'invitation' as const })),
    new Date(),
  );
}

/** The code rows (only each code's HMAC) and the outbox rows that make the worker send them. */
async function insertCodes(tx: Queryable, keys: AccountKeys, codes: { userId: string; purpose: CodePurpose; contact: Contact }[], now: Date): Promise<void> {
  if (codes.length === 0) return;
  const rows = codes.map((code) => {
    const id = randomUUID();
    return {
      id,
      userId: code.userId,
      purpose: code.purpose,
      channel: code.contact.channel,
      destination: code.contact.destination,
      codeDigest: oneTimeCodeDigest(keys.codeSecret, id, deriveOneTimeCode(keys.codeSecret, id)),
      expiresAt: new Date(now.getTime() + lifetimeMs(code.purpose)),
    };
  });
  await tx.insert(schema.oneTimeCodes).values(rows);
  await tx.insert(schema.accountOutbox).values(rows.map((r) => ({ codeId: r.id })));
}
