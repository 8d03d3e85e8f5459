import { schema, withTenant, type Sql } from '@gov/db';
import type { NotificationChannel } from '@gov/domain';
import { and, eq } from 'drizzle-orm';

export interface Delivery {
  messageId: string;
  channel: NotificationChannel;
  status: 'sent' | 'failed';
  errorCode?: string;
  providerId?: string;
}

/** The channels a message already went out on, so a retry sends only what is missing. */
export async function sentChannels(sql: Sql, tenantId: string, messageId: string): Promise<Set<NotificationChannel>> {
  const d = schema.notificationDeliveries;
  const rows = await withTenant(sql, tenantId, (tx) =>
    tx
      .select({ channel: d.channel })
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.messageId, messageId), eq(d.status, 'sent'))),
  );
  return new Set(rows.map((r) => r.channel));
}

/**
 * Counts one attempt for the province's usage (docs/domain/notifications.md#usage), in its own
 * transaction: a sent message stays counted even if the outbox row's own stamp is rolled back.
 */
export async function recordDelivery(sql: Sql, tenantId: string, delivery: Delivery): Promise<void> {
  await withTenant(sql, tenantId, (tx) =>
    tx
      .insert(schema.notificationDeliveries)
      .values({ tenantId, ...delivery })
      .onConflictDoNothing(),
  );
}

/**
 * Sends on one channel unless it already went out, and records the outcome. Failures are
 * recorded and thrown again, so the caller decides between retrying and falling back.
 */
export async function deliverOnce(
  deps: { sql: Sql; tenantId: string | null; sent: Set<NotificationChannel> },
  messageId: string,
  channel: NotificationChannel,
  send: () => Promise<unknown>,
): Promise<void> {
  if (deps.sent.has(channel)) return;
  try {
    const answer = await send();
    deps.sent.add(channel);
    // The ZNS answers with its message id; mail and SMS give nothing worth keeping.
    const providerId = typeof answer === 'string' && answer ? { providerId: answer.slice(0, 100) } : {};
    if (deps.tenantId) await recordDelivery(deps.sql, deps.tenantId, { messageId, channel, status: 'sent', ...providerId });
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code).slice(0, 40) : 'error';
    if (deps.tenantId) await recordDelivery(deps.sql, deps.tenantId, { messageId, channel, status: 'failed', errorCode: code });
    throw error;
  }
}
