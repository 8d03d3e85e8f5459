import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';

const RANGE = 'số ngày làm việc từ 1 đến 60';

/** The province's monitoring settings (giám sát hồ sơ). */
export const WorkListSettings = v.object({
  /** A dossier with no action for more than this many working days is stuck (tồn đọng). */
  stuckAfterWorkingDays: v.pipe(v.number(RANGE), v.integer(RANGE), v.minValue(1, RANGE), v.maxValue(60, RANGE)),
});
export type WorkListSettings = v.InferOutput<typeof WorkListSettings>;

/** The settings with the province row's revision, its ETag. */
export type WorkListSettingsState = WorkListSettings & { revision: number };

/** Whole-province administration: the working calendar's right, held by the province admin only. */
const wholeProvince = (tenantId: string) => ({ tenantId, orgUnitPath: [] });

async function read(ctx: ServiceContext, tenantId: string): Promise<WorkListSettingsState> {
  const t = schema.tenants;
  const [row] = await ctx.db.select({ stuckAfterWorkingDays: t.stuckAfterWorkingDays, revision: t.revision }).from(t).where(eq(t.id, tenantId));
  if (!row) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
  return row;
}

/** The settings, for whoever may read the province's work lists (any reader of its reports). */
export async function getWorkListSettings({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }): Promise<WorkListSettingsState> {
  assertCanInTenant(ctx, 'read', 'Report', tenantId);
  return read(ctx, tenantId);
}

/**
 * A province admin sets after how many working days without action a dossier counts as stuck.
 * It is a working-time rule of the province, so it takes the calendar's right; audited.
 */
export async function setWorkListSettings({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: WorkListSettings;
}): Promise<WorkListSettingsState> {
  assertCan(ctx, 'manage', 'Calendar', wholeProvince(tenantId));
  const data = parseInput(WorkListSettings, input);
  const before = await read(ctx, tenantId);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const t = schema.tenants;
    // Written even when unchanged, so a stale page cannot "confirm" a value it never saw.
    const [saved] = await tx.update(t).set({ stuckAfterWorkingDays: data.stuckAfterWorkingDays }).where(eq(t.id, tenantId)).returning({ revision: t.revision });
    assertBasedOn(ifMatch, saved!);
    if (before.stuckAfterWorkingDays !== data.stuckAfterWorkingDays) {
      await audit(tx, ctx, {
        tenantId,
        action: 'tenant.work_list_settings_changed',
        subjectType: 'Tenant',
        subjectId: tenantId,
        details: { stuckAfterWorkingDays: data.stuckAfterWorkingDays, before: before.stuckAfterWorkingDays },
      });
    }
    return { stuckAfterWorkingDays: data.stuckAfterWorkingDays, revision: saved!.revision };
  });
}
