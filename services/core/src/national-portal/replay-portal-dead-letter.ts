import { requeuePortalDeadLetter, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { audit } from '../audit.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/**
 * Sends a dead national-portal record again, with a fresh set of attempts; the dossier's records
 * held behind it follow in order once it is delivered (docs/domain/national-portal-sync.md).
 * For the province admin and the ministry admin, audited in the same transaction.
 */
export async function replayPortalDeadLetter({ ctx, tenantId, id }: { ctx: ServiceContext; tenantId: string; id: string }) {
  assertCanInTenant(ctx, 'update', 'PortalSync', tenantId);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const replayed = await requeuePortalDeadLetter(tx, tenantId, id);
    if (!replayed) {
      throw notFound({
        vi: 'Không có bản ghi đồng bộ bị dừng này (có thể đã được gửi lại).',
        en: 'No such dead sync record (it may have been replayed already).',
      });
    }
    await audit(tx, ctx, { tenantId, action: 'portal_sync.replay', subjectType: 'portal_sync', subjectId: id, details: replayed });
    return { id, ...replayed };
  });
}
