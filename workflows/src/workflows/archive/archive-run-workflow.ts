import { proxyActivities } from '@temporalio/workflow';
import type { ArchiveActivities, ArchiveBatchResult } from '../../activities/archive/index.js';

const act = proxyActivities<ArchiveActivities>({ startToCloseTimeout: '5 minutes', retry: { maximumInterval: '1 minute' } });

export interface ArchiveRunInput {
  /**
   * The instant the run judges by (ISO). Absent: the workflow's own clock when it starts, which a
   * replay reads back unchanged; a test or an operator's catch-up run may name one.
   */
  asOf?: string;
  /** Dossiers per transaction. */
  batchSize?: number;
  /** Only these provinces (an operator's catch-up for one province, a test's own); absent: every province. */
  provinces?: string[];
}

export interface ArchiveRunResult {
  asOf: string;
  provinces: number;
  archived: number;
  deleted: number;
}

/** Runs `batch` until a batch comes back short, releasing each batch's other copies after it committed. */
async function drain(batch: () => Promise<ArchiveBatchResult>, release: (keys: string[]) => Promise<number>, limit: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await batch();
    if (done.keys.length > 0) await release(done.keys);
    total += done.dossiers;
    if (done.dossiers < limit) return total;
  }
}

/**
 * The archive run (docs/domain/archive-and-retention.md), started once a day by the `archive-run`
 * schedule: for each province in turn, under its own row-level security, it moves the files of
 * dossiers closed longer than the province's archive period to archive storage, then deletes the
 * archived dossiers whose retention has ended (never a permanent one). Every step is idempotent, so
 * a retried activity or a replayed run does nothing twice, and a run skipped while the platform
 * was down is caught up by the next one (it takes everything due by its instant).
 */
export async function archiveRunWorkflow(input: ArchiveRunInput = {}): Promise<ArchiveRunResult> {
  const asOf = input.asOf ?? new Date().toISOString();
  const limit = input.batchSize ?? 200;
  const provinces = input.provinces ?? (await act.listArchiveProvinces());
  let archived = 0;
  let deleted = 0;
  for (const tenantId of provinces) {
    archived += await drain(
      () => act.archiveClosedDossiers({ tenantId, asOf, limit }),
      (keys) => act.releaseLiveCopies({ tenantId, keys }),
      limit,
    );
    deleted += await drain(
      () => act.deleteExpiredDossiers({ tenantId, asOf, limit }),
      (keys) => act.releaseArchiveCopies({ tenantId, keys }),
      limit,
    );
  }
  return { asOf, provinces: provinces.length, archived, deleted };
}
