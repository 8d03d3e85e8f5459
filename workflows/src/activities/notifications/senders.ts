import { schema, withTenant, type Sql } from '@gov/db';
import { eq } from 'drizzle-orm';
import type { Transports } from './transports.js';

/** Who a province's messages come from, each part falling back to the platform default. */
export interface Sender {
  mailFrom: { name: string; address: string };
  smsBrandname: string;
  /** The province's Zalo Official Account, or null for the platform's. */
  zaloOaId: string | null;
}

/** `Hệ thống một cửa <khong-tra-loi@…>` → its name and address (a bare address has no name). */
export function splitMailbox(mailbox: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  return match ? { name: match[1]!.trim(), address: match[2]!.trim() } : { name: '', address: mailbox.trim() };
}

/** The platform's own sender, for messages that belong to no province (a citizen's codes). */
export function platformSender(defaults: Pick<Transports, 'from' | 'smsBrandname'>): Sender {
  return { mailFrom: splitMailbox(defaults.from), smsBrandname: defaults.smsBrandname, zaloOaId: null };
}

/** The province's sender identity (docs/domain/notifications.md#sender), read in its own tenant context. */
export async function loadSender(sql: Sql, tenantId: string, defaults: Pick<Transports, 'from' | 'smsBrandname'>): Promise<Sender> {
  const s = schema.notificationSenders;
  const [row] = await withTenant(sql, tenantId, (tx) => tx.select().from(s).where(eq(s.tenantId, tenantId)));
  const platform = platformSender(defaults);
  if (!row) return platform;
  return {
    mailFrom: { name: row.mailFromName ?? platform.mailFrom.name, address: row.mailFromAddress ?? platform.mailFrom.address },
    smsBrandname: row.smsBrandname ?? platform.smsBrandname,
    zaloOaId: row.zaloOaId,
  };
}
