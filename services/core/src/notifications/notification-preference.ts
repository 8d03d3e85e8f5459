import { schema } from '@gov/db';
import { forbidden, NotificationPreference, unauthenticated } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { recordAuthEvent } from '../auth/auth-events.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

/** Only a signed-in citizen has a preference: officers' messages are account codes, not dossier news. */
function citizenId(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated({ vi: 'Vui lòng đăng nhập để thực hiện thao tác này.', en: 'Please sign in to do this.' });
  if (ctx.actor.kind !== 'citizen')
    throw forbidden({ vi: 'Chỉ tài khoản công dân chọn kênh nhận thông báo hồ sơ.', en: 'Only citizen accounts choose how they hear about dossiers.' });
  return ctx.actor.userId;
}

/** How the signed-in citizen wants to hear about their dossiers (docs/domain/notifications.md#preference). */
export async function getMyNotificationPreference({ ctx }: { ctx: ServiceContext }): Promise<NotificationPreference> {
  const userId = citizenId(ctx);
  const u = schema.users;
  const [row] = await ctx.db.select({ channel: u.notificationChannel }).from(u).where(eq(u.id, userId));
  return { channel: row?.channel ?? null };
}

/**
 * The citizen chooses email, SMS or Zalo (or null: every contact). The account is global, so the
 * change is recorded among the account's own events (auth_events), not in a province's audit log.
 */
export async function setMyNotificationPreference({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<NotificationPreference> {
  const userId = citizenId(ctx);
  const data = parseInput(NotificationPreference, input);
  await ctx.db.transaction(async (tx) => {
    await tx.update(schema.users).set({ notificationChannel: data.channel }).where(eq(schema.users.id, userId));
    await recordAuthEvent(tx, { kind: 'notification_channel_changed', userId, requestId: ctx.requestId, details: { channel: data.channel } });
  });
  return data;
}
