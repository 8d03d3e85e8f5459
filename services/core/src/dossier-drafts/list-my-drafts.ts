import { schema, withUser } from '@gov/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { MAX_OPEN_DRAFTS } from './draft-input.js';
import { assertDraftOwner, draftView } from './draft-owner.js';

/**
 * "Bản nháp": the signed-in citizen's open drafts in every province, last saved first. One
 * transaction with only their user id set, so the policies show their rows and nothing else.
 * The cap keeps the list short: no paging.
 */
export async function listMyDrafts({ ctx }: { ctx: ServiceContext }) {
  const userId = assertDraftOwner(ctx);
  const { dossierDrafts: d, tenants: t } = schema;
  const rows = await withUser(ctx.sql, userId, (tx) =>
    tx
      .select({ draft: d, provinceName: t.fullName })
      .from(d)
      .innerJoin(t, eq(t.id, d.tenantId))
      .where(and(eq(d.ownerUserId, userId), isNull(d.submittedAt)))
      .orderBy(desc(d.updatedAt), desc(d.id)),
  );
  return {
    items: rows.map(({ draft, provinceName }) => ({ ...draftView(draft), provinceName })),
    limit: MAX_OPEN_DRAFTS,
  };
}
