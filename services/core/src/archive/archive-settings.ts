import { schema, withTenant } from '@gov/db';
import { ArchiveAfterMonths, notFound } from '@gov/domain';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';

/** The province's archive setting (docs/domain/archive-and-retention.md). */
export const ArchiveSettings = v.object({
  /** Months after a dossier closed before the archive run moves it to archive storage. */
  archiveAfterMonths: ArchiveAfterMonths,
});
export type ArchiveSettings = v.InferOutput<typeof ArchiveSettings>;
export type ArchiveSettingsState = ArchiveSettings & { revision: number };

/** Whole-province administration: the province admin's right. */
const wholeProvince = (tenantId: string) => ({ tenantId, orgUnitPath: [] });

async function read(ctx: ServiceContext, tenantId: string): Promise<ArchiveSettingsState> {
  const t = schema.tenants;
  const [row] = await ctx.db.select({ archiveAfterMonths: t.archiveAfterMonths, revision: t.revision }).from(t).where(eq(t.id, tenantId));
  if (!row) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
  return row;
}

/** The setting, for whoever reads the province's reports (its admins and leaders, ministry staff). */
export async function getArchiveSettings({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }): Promise<ArchiveSettingsState> {
  assertCanInTenant(ctx, 'read', 'Report', tenantId);
  return read(ctx, tenantId);
}

/** A province admin sets the archive period, with If-Match on the province row; audited. */
export async function setArchiveSettings({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: ArchiveSettings;
}): Promise<ArchiveSettingsState> {
  assertCan(ctx, 'manage', 'Calendar', wholeProvince(tenantId));
  const data = parseInput(ArchiveSettings, input);
  const before = await read(ctx, tenantId);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const t = schema.tenants;
    // Written even when unchanged, so a stale page cannot "confirm" a value it never saw.
    const [saved] = await tx.update(t).set({ archiveAfterMonths: data.archiveAfterMonths }).where(eq(t.id, tenantId)).returning({ revision: t.revision });
    assertBasedOn(ifMatch, saved!);
    if (before.archiveAfterMonths !== data.archiveAfterMonths) {
      await audit(tx, ctx, {
        tenantId,
        action: 'tenant.archive_settings_changed',
        subjectType: 'Tenant',
        subjectId: tenantId,
        details: { archiveAfterMonths: data.archiveAfterMonths, before: before.archiveAfterMonths },
      });
    }
    return { archiveAfterMonths: data.archiveAfterMonths, revision: saved!.revision };
  });
}
