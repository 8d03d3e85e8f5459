import { schema, type Queryable } from '@gov/db';
import { ProcedureRecord } from '@gov/domain';
import { desc, eq, sql } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { platformAudit } from './platform-audit.js';
import { contentKey, rowToRecord, type ProcedureVersion } from './procedure-row.js';

/**
 * Inserts `record` as the next version of its code unless it equals the latest one (so a
 * re-import changes nothing). Versions are never updated: dossiers point at the version row
 * they were filed under. The advisory lock orders concurrent publications of one code.
 */
export async function insertVersionIfChanged(
  tx: Queryable,
  ctx: ServiceContext,
  record: ProcedureRecord,
): Promise<{ version: ProcedureVersion; created: boolean }> {
  const p = schema.procedures;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`procedure:${record.code}`}))`);
  const [latest] = await tx.select().from(p).where(eq(p.code, record.code)).orderBy(desc(p.version)).limit(1);
  if (latest && contentKey(rowToRecord(latest)) === contentKey(record)) return { version: rowToRecord(latest), created: false };
  const version = (latest?.version ?? 0) + 1;
  const values = { ...record, version, createdBy: ctx.actor?.userId ?? null };
  const [row] = await tx.insert(p).values(values).returning();
  await platformAudit(tx, ctx, {
    action: 'procedure.version_published',
    subjectType: 'procedure',
    subjectId: row!.id,
    details: { code: record.code, version },
  });
  return { version: rowToRecord(row!), created: true };
}

/** The ministry publishes a new version of a catalog entry (or its first one). */
export async function publishProcedure({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  assertCan(ctx, 'create', 'Procedure');
  const record = parseInput(ProcedureRecord, input);
  return ctx.db.transaction((tx) => insertVersionIfChanged(tx, ctx, record));
}
