import type { ServiceContext } from '../context.js';
import { recordAuthEvent } from './auth-events.js';
import { invalidateSession } from './sessions.js';

/** Ends the current session; recorded like every sign-in event. */
export async function logout({ ctx, sessionId, ip }: { ctx: ServiceContext; sessionId: string; ip: string }): Promise<void> {
  await invalidateSession(ctx.db, sessionId);
  await recordAuthEvent(ctx.db, { kind: 'logout', userId: ctx.actor?.userId ?? null, ip, requestId: ctx.requestId });
}
