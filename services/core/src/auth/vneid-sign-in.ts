import { schema, withMinistryRead } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { citizenIdDigest, type AccountKeys } from '../accounts/keys.js';
import type { ServiceContext } from '../context.js';
import { CitizenId } from '../users/officer-fields.js';
import { recordAuthEvent } from './auth-events.js';
import { createSession, type SessionDevice } from './sessions.js';
import { csrfTokenFor } from './tokens.js';

/** Who the identity provider vouched for: the CCCD number from the validated ID token, and a name. */
export const VerifiedIdentity = v.object({
  citizenId: CitizenId,
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120))),
});
export type VerifiedIdentity = v.InferOutput<typeof VerifiedIdentity>;

/** Whether the person asked to enter as a citizen (the portal) or as an officer (their province). */
export type VneidAudience = 'citizen' | 'officer';

export type VneidRefusal = 'no_officer_account' | 'ambiguous_officer' | 'disabled';

export type VneidSignInResult =
  { ok: true; token: string; expiresAt: Date; csrfToken: string; userId: string; created: boolean } | { ok: false; reason: VneidRefusal };

const METHOD = { method: 'vneid' } as const;

/** A login for an account VNeID made: derived from the digest, so it says nothing of the number. */
const vneidLogin = (digest: string) => `vneid.${digest.slice(0, 20)}`;

/**
 * Signs in a person VNeID has verified. Accounts are linked by the CCCD number only:
 * - as a citizen, the citizen account whose stored digest matches; a first sign-in of a person
 *   without one creates it (the identity is verified by VNeID, so it may file online at once);
 * - as an officer, only an existing, active officer account whose home province registered this
 *   CCCD number; nothing is ever created for officers.
 * The number is never stored in clear nor written to the sign-in events.
 */
export async function signInWithVneid(args: {
  ctx: ServiceContext;
  keys: AccountKeys;
  identity: VerifiedIdentity;
  as: VneidAudience;
  device: SessionDevice;
}): Promise<VneidSignInResult> {
  const { ctx, keys, device } = args;
  const ip = device.ip;
  const identity = v.parse(VerifiedIdentity, args.identity);
  const requestId = ctx.requestId;
  const refuse = async (reason: VneidRefusal, userId: string | null = null): Promise<VneidSignInResult> => {
    await recordAuthEvent(ctx.db, { kind: 'login_failed', userId, ip, requestId, details: { ...METHOD, as: args.as, reason } });
    return { ok: false, reason };
  };
  const u = schema.users;
  if (args.as === 'officer') {
    const officer = await officerAccount(ctx, identity.citizenId);
    if (officer === 'none') return refuse('no_officer_account');
    if (officer === 'ambiguous') return refuse('ambiguous_officer');
    if (officer.status !== 'active') return refuse('disabled', officer.id);
    return ctx.db.transaction(async (tx) => {
      const session = await createSession(tx, officer.id, device);
      await recordAuthEvent(tx, { kind: 'login', userId: officer.id, login: officer.login, ip, requestId, details: { ...METHOD, as: 'officer' } });
      return { ok: true, token: session.token, expiresAt: session.expiresAt, csrfToken: csrfTokenFor(session.secret), userId: officer.id, created: false };
    });
  }
  const digest = citizenIdDigest(keys, identity.citizenId);
  const byDigest = and(eq(u.citizenIdDigest, digest), eq(u.kind, 'citizen'));
  const [existing] = await ctx.db.select({ id: u.id, login: u.login, status: u.status }).from(u).where(byDigest);
  if (existing && existing.status !== 'active') return refuse('disabled', existing.id);
  return ctx.db.transaction(async (tx) => {
    let account = existing;
    let created = false;
    if (!account) {
      const [made] = await tx
        .insert(u)
        .values({
          login: vneidLogin(digest),
          passwordHash: null,
          kind: 'citizen',
          displayName: identity.name || 'Công dân',
          citizenIdDigest: digest,
          contactVerifiedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning({ id: u.id, login: u.login, status: u.status });
      // A concurrent first sign-in of the same person made it a moment ago: use that one.
      account = made ?? (await tx.select({ id: u.id, login: u.login, status: u.status }).from(u).where(byDigest))[0];
      if (!account) throw new Error('signInWithVneid: the citizen account could neither be made nor found');
      created = Boolean(made);
      if (made) await recordAuthEvent(tx, { kind: 'signed_up', userId: made.id, login: made.login, ip, requestId, details: METHOD });
    }
    const session = await createSession(tx, account.id, device);
    await recordAuthEvent(tx, { kind: 'login', userId: account.id, login: account.login, ip, requestId, details: { ...METHOD, as: 'citizen' } });
    return { ok: true, token: session.token, expiresAt: session.expiresAt, csrfToken: csrfTokenFor(session.secret), userId: account.id, created };
  });
}

/**
 * The officer account whose home province registered this CCCD number on an active profile.
 * Profiles are province data under row-level security and the province is not known yet, so the
 * lookup reads across provinces in the read-only oversight transaction, and returns only ids.
 */
async function officerAccount(ctx: ServiceContext, citizenId: string) {
  const t = schema.tenantUsers;
  const profiles = await withMinistryRead(ctx.sql, (tx) =>
    tx
      .select({ tenantId: t.tenantId, userId: t.userId })
      .from(t)
      .where(and(eq(t.citizenId, citizenId), eq(t.active, true))),
  );
  const u = schema.users;
  const accounts = new Map<string, { id: string; login: string; status: 'active' | 'disabled' }>();
  for (const profile of profiles) {
    const [user] = await ctx.db
      .select({ id: u.id, login: u.login, status: u.status })
      .from(u)
      .where(and(eq(u.id, profile.userId), eq(u.kind, 'officer'), eq(u.homeTenantId, profile.tenantId)));
    if (user) accounts.set(user.id, user);
  }
  if (accounts.size === 0) return 'none' as const;
  if (accounts.size > 1) return 'ambiguous' as const;
  return [...accounts.values()][0]!;
}
