import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { eq } from 'drizzle-orm';
import type * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';

/** The columns of the province row that its admin sets one at a time (gov_app may update only these). */
type SettingColumn = 'stuckAfterWorkingDays' | 'archiveAfterMonths';

/** Whole-province administration: the working calendar's right, held by the province admin only. */
const wholeProvince = (tenantId: string) => ({ tenantId, orgUnitPath: [] });

/**
 * One number the province admin sets on the province row (the stuck threshold, the archive
 * period): read by whoever reads the province's reports, set with If-Match on the row's revision,
 * audited as `action` when the value changes.
 */
export function provinceSetting<K extends SettingColumn>(column: K, input: v.GenericSchema<Record<K, number>>, action: string) {
  type State = Record<K, number> & { revision: number };
  const t = schema.tenants;
  const state = (value: number, revision: number) => ({ [column]: value, revision }) as State;

  async function read(ctx: ServiceContext, tenantId: string): Promise<State> {
    const [row] = await ctx.db.select({ value: t[column], revision: t.revision }).from(t).where(eq(t.id, tenantId));
    if (!row) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
    return state(row.value, row.revision);
  }

  return {
    get: async ({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }): Promise<State> => {
      assertCanInTenant(ctx, 'read', 'Report', tenantId);
      return read(ctx, tenantId);
    },
    set: async (args: { ctx: ServiceContext; tenantId: string; ifMatch: IfMatch; input: Record<K, number> }): Promise<State> => {
      const { ctx, tenantId } = args;
      assertCan(ctx, 'manage', 'Calendar', wholeProvince(tenantId));
      const value = parseInput(input, args.input)[column];
      const before = (await read(ctx, tenantId))[column];
      return withTenant(ctx.sql, tenantId, async (tx) => {
        // Written even when unchanged, so a stale page cannot "confirm" a value it never saw.
        const [saved] = await tx
          .update(t)
          .set({ [column]: value })
          .where(eq(t.id, tenantId))
          .returning({ revision: t.revision });
        assertBasedOn(args.ifMatch, saved!);
        if (before !== value) {
          await audit(tx, ctx, { tenantId, action, subjectType: 'Tenant', subjectId: tenantId, details: { [column]: value, before } });
        }
        return state(value, saved!.revision);
      });
    },
  };
}
