import { createHash } from 'node:crypto';
import { schema, type TenantDb } from '@gov/db';
import { conflict } from '@gov/domain';
import { and, eq } from 'drizzle-orm';

export interface KeyRef {
  tenantId: string;
  /** The actor's user id, or `counter:<officer id>` for counter intake. */
  scope: string;
  key: string;
}

export const requestHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const where = (k: KeyRef) => {
  const t = schema.idempotencyKeys;
  return and(eq(t.tenantId, k.tenantId), eq(t.scope, k.scope), eq(t.key, k.key));
};

/**
 * Claims an Idempotency-Key inside the intake transaction. The primary key makes a concurrent
 * request with the same key wait on this row until the first commits, then find it: so ten
 * identical requests in flight make one dossier, and a retry gets the first one's response.
 * The same key with a different request is a 409, never a silent replay.
 */
export async function claimKey<T>(tx: TenantDb, k: KeyRef, hash: string): Promise<{ replay: T } | null> {
  const t = schema.idempotencyKeys;
  const claimed = await tx
    .insert(t)
    .values({ ...k, requestHash: hash, response: {} })
    .onConflictDoNothing()
    .returning({ key: t.key });
  if (claimed.length > 0) return null;
  const [row] = await tx.select().from(t).where(where(k));
  if (!row || row.requestHash !== hash) {
    throw conflict({
      vi: 'Mã Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy tạo mã mới cho lần nộp mới.',
      en: 'This Idempotency-Key was used for a different request; use a new key for a new submission.',
    });
  }
  return { replay: row.response as T };
}

export async function storeResponse(tx: TenantDb, k: KeyRef, response: unknown): Promise<void> {
  await tx.update(schema.idempotencyKeys).set({ response }).where(where(k));
}
