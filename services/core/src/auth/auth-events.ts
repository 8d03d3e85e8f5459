import { schema, type Queryable } from '@gov/db';

export type AuthEventKind =
  | 'login'
  | 'login_failed'
  | 'login_locked'
  | 'logout'
  | 'session_ended'
  | 'password_changed'
  | 'signed_up'
  | 'sign_up_refused'
  | 'contact_verified'
  | 'code_requested'
  | 'code_failed'
  | 'password_reset_by_code'
  | 'second_factor_enrolled'
  | 'second_factor_verified'
  | 'second_factor_failed'
  | 'second_factor_locked'
  | 'second_factor_reset'
  | 'notification_channel_changed';

/** Append-only record of every sign-in event (never the password). */
export async function recordAuthEvent(
  db: Queryable,
  event: { kind: AuthEventKind; userId?: string | null; login?: string; ip?: string; requestId: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(schema.authEvents).values({
    kind: event.kind,
    userId: event.userId ?? null,
    login: event.login ?? null,
    ip: event.ip ?? null,
    requestId: event.requestId,
    details: event.details ?? null,
  });
}
