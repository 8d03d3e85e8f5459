import { schema, type TenantDb } from '@gov/db';
import { forbidden } from '@gov/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/**
 * Who may list "Hồ sơ của tôi": a signed-in citizen, for the rows whose applicant account is
 * theirs (the condition of their CASL read rule). Returns their user id.
 */
export function assertOwnDossierReader(ctx: ServiceContext): string {
  if (ctx.actor && ctx.actor.kind !== 'citizen')
    throw forbidden({ vi: 'Chỉ tài khoản công dân có danh sách "Hồ sơ của tôi".', en: 'Only citizen accounts have "My dossiers".' });
  assertCan(ctx, 'read', 'Dossier', { applicantUserId: ctx.actor?.userId ?? null });
  return ctx.actor!.userId;
}

export type MyDossierRow = Awaited<ReturnType<typeof selectMyDossiers>>['items'][number];

/**
 * One province's slice of a citizen's dossiers, newest first, and how many they have there, in
 * the caller's tenant transaction. The order is that of dossiers_applicant_user_idx.
 */
export async function selectMyDossiers(tx: TenantDb, a: { tenantId: string; userId: string; limit: number; offset: number }) {
  const { dossiers: d, procedures: p, orgUnits: u } = schema;
  const rows = await tx
    .select({
      dossierId: d.id,
      code: d.code,
      procedureCode: p.code,
      procedureName: p.name,
      receivingUnitName: u.name,
      channel: d.channel,
      nationalStatus: d.nationalStatus,
      localStatus: d.localStatus,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      returnedAt: d.returnedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(d)
    .innerJoin(p, eq(p.id, d.procedureId))
    .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.receivingUnitId)))
    .where(and(eq(d.tenantId, a.tenantId), eq(d.applicantUserId, a.userId)))
    .orderBy(desc(d.receivedAt), desc(d.id))
    .limit(a.limit)
    .offset(a.offset);
  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
