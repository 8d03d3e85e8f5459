import { randomUUID } from 'node:crypto';
import { createDb, schema, withTenant, type Sql } from '@gov/db';
import { createTenant, testProcedure } from '@gov/db/testing';
import { createAppAbility } from '@gov/domain';
import type { ServiceContext } from '../context.js';

/** Test-only: a ministry analyst who may read the reports, on its own pool (`end` closes it). */
export function ministryReader(databaseUrl: string): { ctx: ServiceContext; end: () => Promise<void> } {
  const { db, sql } = createDb(databaseUrl, { max: 3 });
  const ctx: ServiceContext = {
    requestId: `test-${randomUUID()}`,
    db,
    sql,
    actor: { userId: randomUUID(), kind: 'ministry', displayName: 'Cán bộ Bộ' },
    ability: createAppAbility([{ action: 'read', subject: 'Report' }]),
    grants: [],
  };
  return { ctx, end: () => sql.end({ timeout: 1 }) };
}

/**
 * Test-only: a dossier as the reports see it. Times are ISO strings with their offset; `endedAt`
 * is when a dossier ended without a result (refused, withdrawn, stopped).
 */
export interface ReportDossier {
  channel: 'online' | 'in_person' | 'postal' | 'proxy';
  status: number;
  receivedAt: string;
  dueAt?: string;
  finishedAt?: string;
  overdueAt?: string;
  endedAt?: string;
  /** The due date's history, `[dueAt, effective from]` (dossier_due_dates); none by default. */
  dueHistory?: [string | null, string][];
  /** The dossier's id, to give a second province its copy of a handed-over dossier. */
  id?: string;
  /** The province a handed-over copy came from. */
  handedOverFrom?: string;
}

const ENDED_WITHOUT_RESULT = new Set([3, 7, 8]);

/**
 * closed_at as the projection writes it: at the result, else when the dossier ended without one.
 * One that ended without a known time closed on receipt, as migration 0022 fills in older rows.
 */
function closedAt(r: ReportDossier): string | undefined {
  return r.finishedAt ?? r.endedAt ?? (ENDED_WITHOUT_RESULT.has(r.status) ? r.receivedAt : undefined);
}

/** A new province with one receiving unit holding `dossiers`, written through the app role. */
export async function seedReportProvince(args: { sql: Sql; ownerUrl: string; name: string; dossiers: ReportDossier[] }) {
  const tenantId = await createTenant(args.ownerUrl, args.name);
  const unitId = randomUUID();
  await withTenant(args.sql, tenantId, async (tx) => {
    await tx.insert(schema.orgUnits).values({
      tenantId,
      id: unitId,
      path: [unitId],
      code: `BC${unitId.slice(0, 6)}`.toUpperCase(),
      name: 'Bộ phận một cửa phường Báo Cáo',
      kind: 'commune_one_stop',
    });
    const [procedure] = await tx.insert(schema.procedures).values(testProcedure('Thủ tục báo cáo')).returning();
    const date = (s?: string) => (s ? new Date(s) : null);
    for (const [i, r] of args.dossiers.entries()) {
      const id = r.id ?? randomUUID();
      await tx.insert(schema.dossiers).values({
        id,
        handedOverFrom: r.handedOverFrom ?? null,
        tenantId,
        code: `BC-${unitId.slice(0, 8)}-${i}`,
        procedureId: procedure!.id,
        channel: r.channel,
        receivingUnitId: unitId,
        currentUnitId: unitId,
        applicantName: 'Nguyễn Văn Báo Cáo',
        nationalStatus: r.status,
        localStatus: 'x',
        receivedAt: new Date(r.receivedAt),
        dueAt: date(r.dueAt),
        finishedAt: date(r.finishedAt),
        overdueAt: date(r.overdueAt),
        closedAt: date(closedAt(r)),
      });
      for (const [n, [dueAt, from]] of (r.dueHistory ?? []).entries()) {
        await tx
          .insert(schema.dossierDueDates)
          .values({ tenantId, dossierId: id, dueAt: date(dueAt ?? undefined), effectiveAt: new Date(from), eventKey: `test:${n}` });
      }
    }
  });
  return { tenantId, unitId };
}
