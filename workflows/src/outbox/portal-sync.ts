import { MS_PER_HOUR } from '@gov/calendar';
import { schema, withMinistryRead, withTenant, type Sql } from '@gov/db';
import type { PortalDossierRecord } from '@gov/domain/contract';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { PortalError, type NationalPortal } from '../portal/national-portal.js';

const BATCH = 20;
const q = schema.portalSyncOutbox;

export interface PortalSyncOptions {
  portal: NationalPortal;
  /** After this many failed attempts a row is dead: listed for the admins until replayed. */
  maxAttempts: number;
  /** The wait before the first retry; it doubles with every further failure, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs?: number;
}

const portalUnavailable = (error: unknown) => error instanceof PortalError && (error.code === 'unreachable' || /^http_5/.test(error.code));

/** The wait after the `failures`-th failure: backoff × 2^(failures − 1), capped. */
export function portalRetryDelayMs(o: Pick<PortalSyncOptions, 'backoffMs' | 'maxBackoffMs'>, failures: number): number {
  return Math.min(o.backoffMs * 2 ** Math.max(0, failures - 1), o.maxBackoffMs ?? MS_PER_HOUR);
}

/**
 * Sends the national portal's outbox (docs/domain/national-portal-sync.md). Only a dossier's
 * lowest undelivered row is eligible: its later rows wait while it is retrying or dead, so the
 * portal never sees a later status before an earlier one. Rows are claimed with SKIP LOCKED like
 * the tenant outbox, and the claim holds until the answer is stamped, so two relays never send the
 * same row, nor a dossier's next row before the previous one is stamped delivered.
 */
export async function drainPortalSync(deps: {
  sql: Sql;
  options: PortalSyncOptions;
  tenantIds?: () => string[];
  onError?: (error: unknown, row: { tenantId: string; id: string; topic: string }) => void;
}): Promise<number> {
  const tenants = deps.tenantIds
    ? deps.tenantIds()
    : (
        await withMinistryRead(deps.sql, (tx) =>
          tx
            .selectDistinct({ tenantId: q.tenantId })
            .from(q)
            .where(and(isNull(q.dispatchedAt), isNull(q.deadAt), lte(q.nextAttemptAt, sql`now()`))),
        )
      ).map((r) => r.tenantId);
  let handled = 0;
  for (const tenantId of tenants) handled += await drainTenant(deps, tenantId);
  return handled;
}

async function drainTenant(deps: Parameters<typeof drainPortalSync>[0], tenantId: string): Promise<number> {
  const o = deps.options;
  return withTenant(deps.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({ id: q.id, attempts: q.attempts, payload: q.payload })
      .from(q)
      .where(
        and(
          eq(q.tenantId, tenantId),
          isNull(q.dispatchedAt),
          isNull(q.deadAt),
          lte(q.nextAttemptAt, sql`now()`),
          sql`not exists (select 1 from ${q} e where e.tenant_id = ${q.tenantId} and e.dossier_id = ${q.dossierId}
                and e.seq < ${q.seq} and e.dispatched_at is null)`,
        ),
      )
      .orderBy(asc(q.createdAt), asc(q.seq))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    let attempted = 0;
    for (const row of rows) {
      attempted += 1;
      const where = and(eq(q.tenantId, tenantId), eq(q.id, row.id));
      const attempts = row.attempts + 1;
      try {
        await o.portal.sync(row.payload as PortalDossierRecord);
        await tx
          .update(q)
          .set({ dispatchedAt: sql`now()`, attempts, lastError: null })
          .where(where);
      } catch (error) {
        deps.onError?.(error, { tenantId, id: row.id, topic: 'portal.sync' });
        const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const dead = attempts >= o.maxAttempts;
        await tx
          .update(q)
          .set({
            attempts,
            lastError,
            ...(dead ? { deadAt: sql`now()` } : { nextAttemptAt: sql`now() + make_interval(secs => ${portalRetryDelayMs(o, attempts) / 1000})` }),
          })
          .where(where);
        // The portal is unreachable or failing as a whole: the rest of the batch would only wait
        // out the same timeout, row after row, while holding up the relay's other work.
        if (portalUnavailable(error)) break;
      }
    }
    return attempted;
  });
}
