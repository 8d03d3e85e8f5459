import { schema, withTenant, type TenantDb } from '@gov/db';
import { invalid, looksLikeBeneficiaryAccount, parseBeneficiaryAccount, ProcedureCode } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import { loadProcedure } from '../catalog/procedure-row.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';

const UnitIds = v.pipe(v.array(v.pipe(v.string(), v.uuid())), v.minLength(1, 'chọn ít nhất một đơn vị'));

export const ActivateProcedure = v.object({
  procedureCode: ProcedureCode,
  /** Units that receive dossiers (bộ phận tiếp nhận) and units that handle them (cơ quan giải quyết). */
  receivingUnitIds: UnitIds,
  handlingUnitIds: UnitIds,
  /** The province's own fee where the law lets the province set it (HĐND decision), in VND. */
  localFeeVnd: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  /**
   * Beneficiary account for fee payment (tài khoản thụ hưởng). `BIN:account` (then, optionally, a
   * space and a label) lets applicants pay by VietQR; other text is kept as a description only.
   */
  beneficiaryAccount: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.trim(),
        v.maxLength(200),
        v.check(
          (text) => !looksLikeBeneficiaryAccount(text) || parseBeneficiaryAccount(text) !== null,
          'dạng "mã BIN 6 số:số tài khoản", ví dụ 970436:0011000123456',
        ),
      ),
    ),
  ),
  active: v.optional(v.boolean(), true),
});
export type ActivateProcedure = v.InferInput<typeof ActivateProcedure>;

async function assertActiveUnits(tx: TenantDb, tenantId: string, ids: string[]) {
  const u = schema.orgUnits;
  const found = await tx
    .select({ id: u.id })
    .from(u)
    .where(and(eq(u.tenantId, tenantId), eq(u.active, true), inArray(u.id, ids)));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    throw invalid(
      {
        vi: `Đơn vị không tồn tại hoặc đã ngừng hoạt động trong tỉnh: ${missing.join(', ')}.`,
        en: `Units not found or inactive in this province: ${missing.join(', ')}.`,
      },
      { fields: [{ path: 'unitIds', problem: 'unknown unit' }] },
    );
  }
}

/**
 * A province admin enables (or re-configures, or with `active: false` suspends) a national
 * procedure for chosen receiving and handling units. Keyed by code, so the setting follows the
 * catalog's versions.
 */
export async function activateProcedure({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: ActivateProcedure;
}) {
  assertCan(ctx, 'activate', 'ProcedureSetting', { tenantId });
  const data = parseInput(ActivateProcedure, input);
  await loadProcedure(ctx.db, data.procedureCode);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    await assertActiveUnits(tx, tenantId, [...new Set([...data.receivingUnitIds, ...data.handlingUnitIds])]);
    const s = schema.procedureSettings;
    const values = {
      receivingUnitIds: data.receivingUnitIds,
      handlingUnitIds: data.handlingUnitIds,
      localFeeVnd: data.localFeeVnd ?? null,
      beneficiaryAccount: data.beneficiaryAccount ?? null,
      active: data.active,
    };
    const [setting] = await tx
      .insert(s)
      .values({ tenantId, procedureCode: data.procedureCode, ...values })
      .onConflictDoUpdate({ target: [s.tenantId, s.procedureCode], set: values })
      .returning();
    // A first activation inserts revision 1, so it matches "nothing saved yet" (0) only.
    assertBasedOn(ifMatch, setting!);
    await audit(tx, ctx, {
      tenantId,
      action: data.active ? 'procedure_setting.activated' : 'procedure_setting.deactivated',
      subjectType: 'procedure_setting',
      subjectId: setting!.id,
      details: { procedureCode: data.procedureCode, ...values },
    });
    return setting!;
  });
}
