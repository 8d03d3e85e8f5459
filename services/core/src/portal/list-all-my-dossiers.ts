import { schema, withTenant, withUser } from '@gov/db';
import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { ListMyDossiers } from './list-my-dossiers.js';
import { assertOwnDossierReader, selectMyDossiers, type MyDossierRow } from './my-dossiers-query.js';

export type MyDossierEverywhere = MyDossierRow & { tenantId: string; provinceName: string };

/** Newest first; ties as in SQL (id descending). */
const newer = (a: MyDossierRow, b: MyDossierRow) =>
  a.receivedAt.getTime() - b.receivedAt.getTime() || (a.dossierId > b.dossierId ? 1 : a.dossierId < b.dossierId ? -1 : 0);

/**
 * The first `take` rows of lists each already newest first, taking the newest head each time.
 * Each list keeps its own order, so the first n rows depend only on each list's first n rows:
 * that is what lets every province give only its first page × pageSize rows.
 */
function mergeNewestFirst<T extends MyDossierRow>(lists: T[][], take: number): T[] {
  const queues = lists.map((list) => [...list]);
  const out: T[] = [];
  while (out.length < take) {
    const next = queues.reduce<T[] | null>((best, q) => (q.length > 0 && (!best || newer(q[0]!, best[0]!) > 0) ? q : best), null);
    if (!next) break;
    out.push(next.shift()!);
  }
  return out;
}

/**
 * "Hồ sơ của tôi" across provinces: every dossier the signed-in citizen is the applicant of,
 * newest first, each with its province. Dossiers stay in each province's tables under RLS;
 * applicant_provinces (written at intake, readable here as this citizen only) says which
 * provinces to open, usually one, so there is one tenant transaction per province the citizen
 * actually filed in.
 */
export async function listAllMyDossiers({ ctx, input }: { ctx: ServiceContext; input: ListMyDossiers }) {
  const userId = assertOwnDossierReader(ctx);
  const q = parseInput(ListMyDossiers, input);
  const { applicantProvinces: ap, tenants: t } = schema;
  const provinces = await withUser(ctx.sql, userId, (tx) =>
    tx
      .select({ tenantId: ap.tenantId, provinceName: t.fullName })
      .from(ap)
      .innerJoin(t, eq(t.id, ap.tenantId))
      .where(eq(ap.userId, userId))
      .orderBy(asc(t.code)),
  );
  // Any one province's newest rows may fill the requested page, so each gives its first
  // page × pageSize rows (a citizen has few dossiers; the index walks them in order).
  const take = q.page * q.pageSize;
  const slices = await Promise.all(
    provinces.map(async ({ tenantId, provinceName }) => {
      const slice = await withTenant(ctx.sql, tenantId, (tx) => selectMyDossiers(tx, { tenantId, userId, limit: take, offset: 0 }));
      return { total: slice.total, items: slice.items.map((row) => ({ ...row, tenantId, provinceName })) };
    }),
  );
  const items = mergeNewestFirst(
    slices.map((s) => s.items),
    take,
  ).slice(take - q.pageSize);
  const total = slices.reduce((sum, s) => sum + s.total, 0);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
