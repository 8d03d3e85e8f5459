import { schema, type TenantDb } from '@gov/db';
import { conflict } from '@gov/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';

export interface PendingFee {
  /** The `fee_requested` event: what an online payment pays. */
  eventId: string;
  amountVnd: number;
  description: string;
}

/**
 * The fee pending on a dossier, read from its history: the latest `fee_requested` with no
 * `fee_paid` after it (the workflow projects both). Null when none is pending.
 */
export async function loadPendingFee(tx: TenantDb, tenantId: string, dossierId: string): Promise<PendingFee | null> {
  const e = schema.dossierEvents;
  const [latest] = await tx
    .select({ id: e.id, kind: e.kind, content: e.content })
    .from(e)
    .where(and(eq(e.tenantId, tenantId), eq(e.dossierId, dossierId), inArray(e.kind, ['fee_requested', 'fee_paid'])))
    .orderBy(desc(e.occurredAt))
    .limit(1);
  if (latest?.kind !== 'fee_requested') return null;
  const { amountVnd, description } = latest.content as { amountVnd: number; description: string };
  return { eventId: latest.id, amountVnd, description };
}

export const noFeePending = () => conflict({ vi: 'Hồ sơ không có khoản phí nào đang chờ nộp.', en: 'No fee is pending on this dossier.' });
