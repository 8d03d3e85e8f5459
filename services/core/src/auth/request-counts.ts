import { MS_PER_HOUR } from '@gov/calendar';
import { schema, type Queryable } from '@gov/db';
import { rateLimited, type Message } from '@gov/domain';
import { lt, sql } from 'drizzle-orm';

export interface RequestLimit {
  /** What is counted and for whom, e.g. `status-lookup:<address>`. */
  bucket: string;
  limit: number;
  /** At most an hour: older windows are pruned. */
  windowMs: number;
  message: Message;
}

/**
 * Counts one request in PostgreSQL, so every API process shares the count, and refuses with 429
 * and the seconds left in the window once the limit is passed. A key's window opens at its first
 * request and lasts `windowMs` (so a burst cannot straddle two fixed windows to double its
 * allowance). One upsert per request; when a window opens, rows idle for an hour are pruned.
 */
export async function enforceRequestLimit(db: Queryable, rule: RequestLimit, now = new Date()): Promise<void> {
  const rc = schema.requestCounts;
  // Raw SQL parameters go to the driver as they are: times as ISO text, cast in the statement.
  const expired = sql`${rc.windowStart} <= ${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rc)
    .values({ bucket: rule.bucket, windowStart: now })
    .onConflictDoUpdate({
      target: rc.bucket,
      set: {
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rc.windowStart} end`,
        hits: sql`case when ${expired} then 1 else ${rc.hits} + 1 end`,
      },
    })
    .returning({ hits: rc.hits, windowStart: rc.windowStart });
  const hits = row?.hits ?? 1;
  if (hits === 1) await db.delete(rc).where(lt(rc.windowStart, new Date(now.getTime() - MS_PER_HOUR)));
  if (hits > rule.limit) {
    const opened = row ? new Date(row.windowStart).getTime() : now.getTime();
    throw rateLimited(rule.message, (opened + rule.windowMs - now.getTime()) / 1000);
  }
}
