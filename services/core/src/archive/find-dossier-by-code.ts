import { schema, withTenant } from '@gov/db';
import { and, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { loadReadableDossier } from '../dossiers/load-dossier.js';
import { dossierNotFound } from '../dossiers/rejection.js';
import { parseInput } from '../parse-input.js';

/** A dossier code as printed on the receipt, e.g. `X01-260101-0001`. */
export const DossierCode = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'nhập mã hồ sơ'),
  v.maxLength(60, 'mã hồ sơ quá dài'),
  v.regex(/^[A-Za-z0-9-]+$/, 'mã hồ sơ chỉ gồm chữ, số và dấu gạch ngang'),
);

/**
 * An officer finds a dossier of the province by its code, open, closed or archived (the archive
 * keeps a dossier findable; docs/domain/archive-and-retention.md), then opens it by id. The same
 * read rights as the dossier itself: 403 outside the officer's units, 404 for no such code or a
 * dossier deleted after its retention.
 */
export async function findDossierByCode({ ctx, tenantId, code }: { ctx: ServiceContext; tenantId: string; code: string }) {
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  const wanted = parseInput(DossierCode, code);
  const d = schema.dossiers;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [hit] = await tx
      .select({ id: d.id })
      .from(d)
      // Printed codes are upper case; an officer may type them in lower case.
      .where(and(eq(d.tenantId, tenantId), inArray(d.code, [...new Set([wanted, wanted.toUpperCase()])])))
      .limit(1);
    if (!hit) throw dossierNotFound();
    const row = await loadReadableDossier(tx, ctx, tenantId, hit.id);
    return {
      id: row.id,
      code: row.code,
      nationalStatus: row.nationalStatus,
      receivedAt: row.receivedAt,
      closedAt: row.closedAt,
      archivedAt: row.archivedAt,
    };
  });
}
