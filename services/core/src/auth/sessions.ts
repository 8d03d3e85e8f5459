import { MS_PER_HOUR, MS_PER_MINUTE } from '@gov/calendar';
import { schema, type Queryable } from '@gov/db';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { actorColumns, type ActorRow } from './load-actor.js';
import { newSessionToken, sameDigest, sha256Hex } from './tokens.js';

/** Officers work in shifts: a session lives 12 hours from its last use (sliding expiry). */
export const SESSION_LIFETIME_MS = 12 * MS_PER_HOUR;
/** Extend only when less than half is left, so an active user writes at most every 6 hours. */
const REFRESH_BELOW_MS = SESSION_LIFETIME_MS / 2;
/** "Last seen" in the session list is this precise, so a busy user costs one write per interval. */
const LAST_SEEN_PRECISION_MS = 5 * MS_PER_MINUTE;

export interface ValidSession {
  id: string;
  secret: string;
  userId: string;
  expiresAt: Date;
  /** When the session passed the second factor; null before (or for users who need none). */
  secondFactorAt: Date | null;
}

/** Where a session was opened from: shown to its owner in the list of their sessions. */
export interface SessionDevice {
  userAgent: string | null;
  ip: string;
}

export async function createSession(db: Queryable, userId: string, device: SessionDevice, now = new Date()) {
  const { id, secret, token } = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(schema.sessions).values({
    id,
    secretHash: sha256Hex(secret),
    userId,
    expiresAt,
    lastSeenAt: now,
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, 400) ?? null,
  });
  return { id, secret, token, expiresAt };
}

/**
 * Null for a malformed, unknown, expired or forged token; extends the expiry and "last seen" when
 * due. The session's user comes back in the same query (`actorColumns`): one round trip for who
 * is asking, on every request.
 */
export async function validateSession(db: Queryable, token: string, now = new Date()): Promise<(ValidSession & { user: ActorRow }) | null> {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length !== 24 || secret.length !== 24) return null;
  const s = schema.sessions;
  const [row] = await db
    .select({
      secretHash: s.secretHash,
      userId: s.userId,
      expiresAt: s.expiresAt,
      lastSeenAt: s.lastSeenAt,
      secondFactorAt: s.secondFactorAt,
      user: actorColumns,
    })
    .from(s)
    .innerJoin(schema.users, eq(schema.users.id, s.userId))
    .where(and(eq(s.id, id), gt(s.expiresAt, now)));
  if (!row || !sameDigest(row.secretHash, sha256Hex(secret))) return null;
  let expiresAt = row.expiresAt;
  const refresh = expiresAt.getTime() - now.getTime() < REFRESH_BELOW_MS;
  if (refresh) expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  if (refresh || now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS) {
    await db.update(s).set({ expiresAt, lastSeenAt: now }).where(eq(s.id, id));
  }
  return { id, secret, userId: row.userId, expiresAt, secondFactorAt: row.secondFactorAt, user: row.user };
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

/**
 * When users change their own password: every other device signs in again, the one they used
 * stays signed in (lucia's design), so a stolen session dies without locking its owner out.
 */
export async function invalidateOtherSessions(db: Queryable, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(schema.sessions).where(and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, keepSessionId)));
}

/** On an admin's password reset, deactivation and role changes: every device signs in again. */
export async function invalidateUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}

/** A user's unexpired sessions, newest use first, with which one is asking. */
export async function listUserSessions(db: Queryable, userId: string, currentSessionId: string, now = new Date()) {
  const s = schema.sessions;
  const rows = await db
    .select({ id: s.id, userAgent: s.userAgent, ip: s.ip, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt })
    .from(s)
    .where(and(eq(s.userId, userId), gt(s.expiresAt, now)))
    .orderBy(desc(s.lastSeenAt));
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/** Ends one of the user's own sessions; false when it is not theirs or already over. */
export async function endUserSession(db: Queryable, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(schema.sessions)
    .where(and(eq(schema.sessions.id, sessionId), eq(schema.sessions.userId, userId)))
    .returning({ id: schema.sessions.id });
  return ended.length > 0;
}
