import type { ServiceContext } from '../context.js';
import { recordAuthEvent } from './auth-events.js';
import { endUserSession, listUserSessions } from './sessions.js';
import { notFound, unauthenticated } from '@gov/domain';

const notSignedIn = () => unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });

/** The signed-in user's own active sessions (device, address, last use). */
export async function mySessions({ ctx, sessionId }: { ctx: ServiceContext; sessionId: string }) {
  if (!ctx.actor) throw notSignedIn();
  return listUserSessions(ctx.db, ctx.actor.userId, sessionId);
}

/**
 * Ends one of the user's own sessions, e.g. a phone they lost; someone else's session is "not
 * found", so a guessed id tells nothing. Recorded like a sign-out.
 */
export async function endMySession({ ctx, sessionId, ip }: { ctx: ServiceContext; sessionId: string; ip: string }): Promise<void> {
  if (!ctx.actor) throw notSignedIn();
  if (!(await endUserSession(ctx.db, ctx.actor.userId, sessionId))) {
    throw notFound({ vi: 'Không tìm thấy phiên đăng nhập này (có thể đã kết thúc).', en: 'No such session (it may have ended already).' });
  }
  await recordAuthEvent(ctx.db, { kind: 'session_ended', userId: ctx.actor.userId, ip, requestId: ctx.requestId });
}
