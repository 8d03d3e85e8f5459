import { type FileStore } from '@gov/core';
import { schema, withTenant, type Sql, type TenantDb } from '@gov/db';
import { archiveCutoff, mayDelete, RETENTION_YEARS, retentionCutoff, type RetentionYears } from '@gov/domain';
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';

/** One batch of one province's archive or deletion run, as of the run's instant. */
export interface ArchiveBatch {
  tenantId: string;
  /** The run's instant (ISO): the workflow's clock, so a replay or a retry decides the same. */
  asOf: string;
  limit: number;
}

/** What a batch did: how many dossiers, and the storage keys whose other copy may now go. */
export interface ArchiveBatchResult {
  dossiers: number;
  keys: string[];
}

export interface ArchiveStores {
  /** FILES_DIR: where open and recent dossiers' files are. */
  live: FileStore;
  /** ARCHIVE_DIR: archive storage, same keys. */
  archive: FileStore;
}

const { dossiers: d, dossierFiles: f, procedures: p, tenants: t } = schema;

/**
 * Of `keys`, those a citizen's stored document of the transaction's province holds. The province
 * cannot read the citizens' rows; a reviewed function answers this one question (migration 0071).
 */
async function citizenHeldKeys(tx: TenantDb, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await tx.execute<{ key: string }>(sql`select gov_citizen_held_keys(${sql.param(keys)}::text[]) as key`);
  return rows.map((r) => r.key);
}

/** Of the dossier files `ids`, those a citizen's stored document points at (migration 0071). */
async function citizenHeldFiles(tx: TenantDb, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.execute<{ id: string }>(sql`select gov_citizen_held_files(${sql.param(ids)}::uuid[]) as id`);
  return new Set(rows.map((r) => r.id));
}

const distinctKeys = (rows: { storageKey: string }[]) => [...new Set(rows.map((r) => r.storageKey))];

/** No audit row names a citizen: a dossier is told by its code, procedure and dates. */
async function auditEach(tx: TenantDb, tenantId: string, action: string, entries: { id: string; details: Record<string, unknown> }[]) {
  if (entries.length === 0) return;
  await tx.insert(schema.auditLog).values(entries.map((e) => ({ tenantId, action, subjectType: 'Dossier', subjectId: e.id, details: e.details })));
}

/**
 * The archive run's activities (docs/domain/archive-and-retention.md). Each batch is one tenant
 * transaction under row-level security: rows are claimed with SKIP LOCKED, files are copied into
 * archive storage (checked against their hash) before the rows say so, and the other copy is
 * released by a separate activity once the batch has committed, so a crash leaves at worst a
 * copy too many, never a dossier whose files are nowhere.
 */
export function createArchiveActivities({ sql: pool, stores }: { sql: Sql; stores: ArchiveStores }) {
  return {
    /** Every province: the run visits each in its own transactions. */
    listArchiveProvinces: async (): Promise<string[]> => (await pool<{ id: string }[]>`select id from tenants order by code`).map((r) => r.id),

    /** Moves the files of dossiers closed longer than the province's archive period; marks them archived. */
    archiveClosedDossiers: ({ tenantId, asOf, limit }: ArchiveBatch): Promise<ArchiveBatchResult> =>
      withTenant(pool, tenantId, async (tx) => {
        const at = new Date(asOf);
        const [tenant] = await tx.select({ months: t.archiveAfterMonths }).from(t).where(eq(t.id, tenantId));
        if (!tenant) return { dossiers: 0, keys: [] };
        const due = await tx
          .select({ id: d.id, code: d.code, closedAt: d.closedAt })
          .from(d)
          .where(and(eq(d.tenantId, tenantId), isNull(d.archivedAt), lte(d.closedAt, archiveCutoff(at, tenant.months))))
          .orderBy(asc(d.closedAt), asc(d.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return { dossiers: 0, keys: [] };
        const ids = due.map((r) => r.id);
        const files = await tx
          .select({ storageKey: f.storageKey, sha256: f.sha256, sizeBytes: f.sizeBytes })
          .from(f)
          .where(and(eq(f.tenantId, tenantId), inArray(f.dossierId, ids)));
        for (const file of new Map(files.map((x) => [x.storageKey, x])).values()) await stores.live.copyTo(stores.archive, tenantId, file);
        await tx
          .update(d)
          .set({ archivedAt: at })
          .where(and(eq(d.tenantId, tenantId), inArray(d.id, ids)));
        await auditEach(
          tx,
          tenantId,
          'dossier.archived',
          due.map((r) => ({ id: r.id, details: { code: r.code, closedAt: r.closedAt?.toISOString(), months: tenant.months } })),
        );
        return { dossiers: due.length, keys: distinctKeys(files) };
      }),

    /**
     * Removes live copies nothing live needs any more: no file of a dossier not yet archived (the
     * same scan filed again) and no citizen's stored document points at the key. A reader that
     * still finds the live copy missing falls back to archive storage.
     */
    releaseLiveCopies: async ({ tenantId, keys }: { tenantId: string; keys: string[] }): Promise<number> => {
      const unused = await withTenant(pool, tenantId, async (tx) => {
        const liveUse = await tx
          .selectDistinct({ storageKey: f.storageKey })
          .from(f)
          .innerJoin(d, and(eq(d.tenantId, f.tenantId), eq(d.id, f.dossierId)))
          .where(and(eq(f.tenantId, tenantId), inArray(f.storageKey, keys), isNull(d.archivedAt)));
        const used = new Set([...liveUse.map((r) => r.storageKey), ...(await citizenHeldKeys(tx, keys))]);
        return keys.filter((k) => !used.has(k));
      });
      for (const key of unused) await stores.live.remove(tenantId, key);
      return unused.length;
    },

    /**
     * Deletes archived dossiers whose retention (the newest catalog version's, per procedure code)
     * has ended; never a permanent one. The row stays as the reports' counted shell, without the
     * applicant's data; its file rows go, except one a citizen's stored document points at (the
     * citizen's copy outlives the dossier). One audit row per dossier.
     */
    deleteExpiredDossiers: ({ tenantId, asOf, limit }: ArchiveBatch): Promise<ArchiveBatchResult> =>
      withTenant(pool, tenantId, async (tx) => {
        const at = new Date(asOf);
        const latest = tx
          .select({
            code: p.code,
            retentionYears: sql<number | null>`(array_agg(${p.retentionYears} order by ${p.version} desc))[1]`.as('latest_retention_years'),
          })
          .from(p)
          .groupBy(p.code)
          .as('latest');
        const expired = or(...RETENTION_YEARS.map((years) => and(eq(latest.retentionYears, years), lt(d.closedAt, retentionCutoff(at, years)))));
        const candidates = await tx
          .select({
            id: d.id,
            code: d.code,
            procedureCode: p.code,
            retentionYears: latest.retentionYears,
            receivedAt: d.receivedAt,
            closedAt: d.closedAt,
            archivedAt: d.archivedAt,
          })
          .from(d)
          .innerJoin(p, eq(p.id, d.procedureId))
          .innerJoin(latest, eq(latest.code, p.code))
          .where(and(eq(d.tenantId, tenantId), isNotNull(d.archivedAt), isNull(d.deletedAt), expired))
          .orderBy(asc(d.closedAt), asc(d.id))
          .limit(limit)
          .for('update', { of: d, skipLocked: true });
        // The domain rule decides; the query only narrows (a permanent dossier is never in it).
        const due = candidates.filter((r) => mayDelete({ ...r, retentionYears: r.retentionYears as RetentionYears | null }, at));
        if (due.length === 0) return { dossiers: 0, keys: [] };
        const ids = due.map((r) => r.id);
        const fileIds = (
          await tx
            .select({ id: f.id })
            .from(f)
            .where(and(eq(f.tenantId, tenantId), inArray(f.dossierId, ids)))
        ).map((r) => r.id);
        const held = await citizenHeldFiles(tx, fileIds);
        const removed =
          fileIds.length === held.size
            ? []
            : await tx
                .delete(f)
                .where(
                  and(
                    eq(f.tenantId, tenantId),
                    inArray(
                      f.id,
                      fileIds.filter((id) => !held.has(id)),
                    ),
                  ),
                )
                .returning({ storageKey: f.storageKey });
        await tx
          .update(d)
          .set({ deletedAt: at, applicantName: '', applicantIdSuffix: null, applicantPhone: null, applicantEmail: null, applicantUserId: null, formData: {} })
          .where(and(eq(d.tenantId, tenantId), inArray(d.id, ids)));
        await auditEach(
          tx,
          tenantId,
          'dossier.deleted_after_retention',
          due.map((r) => ({
            id: r.id,
            details: {
              code: r.code,
              procedureCode: r.procedureCode,
              retentionYears: r.retentionYears,
              receivedAt: r.receivedAt.toISOString(),
              closedAt: r.closedAt?.toISOString(),
              archivedAt: r.archivedAt?.toISOString(),
            },
          })),
        );
        return { dossiers: due.length, keys: distinctKeys(removed) };
      }),

    /** Removes archive copies no dossier file and no citizen's stored document points at any more. */
    releaseArchiveCopies: async ({ tenantId, keys }: { tenantId: string; keys: string[] }): Promise<number> => {
      const unused = await withTenant(pool, tenantId, async (tx) => {
        const fileUse = await tx
          .selectDistinct({ storageKey: f.storageKey })
          .from(f)
          .where(and(eq(f.tenantId, tenantId), inArray(f.storageKey, keys)));
        const used = new Set([...fileUse.map((r) => r.storageKey), ...(await citizenHeldKeys(tx, keys))]);
        return keys.filter((k) => !used.has(k));
      });
      for (const key of unused) await stores.archive.remove(tenantId, key);
      return unused.length;
    },
  };
}

export type ArchiveActivities = ReturnType<typeof createArchiveActivities>;
