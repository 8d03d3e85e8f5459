import { schema, withTenant } from '@gov/db';
import { NotificationSender } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';

/** The province's sender identity with its revision (0 while it never saved one: the platform default). */
export type NotificationSenderState = NotificationSender & { revision: number };

const NONE: NotificationSender = { smsBrandname: null, mailFromName: null, mailFromAddress: null, zaloOaId: null };

/** The province's own sender identity (docs/domain/notifications.md#sender), for its admins and the ministry. */
export async function getNotificationSender({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }): Promise<NotificationSenderState> {
  assertCanInTenant(ctx, 'read', 'Notification', tenantId);
  const s = schema.notificationSenders;
  const [row] = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ smsBrandname: s.smsBrandname, mailFromName: s.mailFromName, mailFromAddress: s.mailFromAddress, zaloOaId: s.zaloOaId, revision: s.revision })
      .from(s)
      .where(eq(s.tenantId, tenantId)),
  );
  return row ?? { ...NONE, revision: 0 };
}

/** A province admin sets the province's sender identity (the whole of it, like PUT); audited. */
export async function setNotificationSender({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: unknown;
}): Promise<NotificationSenderState> {
  assertCanInTenant(ctx, 'manage', 'Notification', tenantId);
  const data = parseInput(NotificationSender, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const s = schema.notificationSenders;
    const values = { ...data, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() };
    const [saved] = await tx
      .insert(s)
      .values({ tenantId, ...values })
      .onConflictDoUpdate({ target: s.tenantId, set: values })
      .returning({ revision: s.revision });
    assertBasedOn(ifMatch, saved!);
    await audit(tx, ctx, { tenantId, action: 'notification_sender.updated', subjectType: 'NotificationSender', subjectId: tenantId, details: data });
    return { ...data, revision: saved!.revision };
  });
}
