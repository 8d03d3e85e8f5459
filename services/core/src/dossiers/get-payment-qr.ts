import { schema, withTenant } from '@gov/db';
import { conflict, parseBeneficiaryAccount, transferReference, vietQrPayload } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import type * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { loadPendingFee, noFeePending } from '../payments/pending-fee.js';
import { assertMayRead, DossierRef } from './get-dossier.js';
import { loadReadableDossier } from './load-dossier.js';

/**
 * The VietQR code for the fee pending on a dossier, for whoever may read it. The fee is the
 * latest `fee_requested` event the workflow projected, pending until a `fee_paid` follows it;
 * the beneficiary is the procedure setting's `BIN:account`; the transfer content is the
 * dossier code, so the treasury can match the transfer to the dossier.
 */
export async function getPaymentQr({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: v.InferInput<typeof DossierRef> }) {
  assertMayRead(ctx, tenantId);
  const { dossierId } = parseInput(DossierRef, input);
  const { procedures: p, procedureSettings: s } = schema;
  const { row, fee, setting } = await withTenant(ctx.sql, tenantId, async (tx) => {
    const row = await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const [fee, [setting]] = await Promise.all([
      loadPendingFee(tx, tenantId, dossierId),
      tx
        .select({ beneficiaryAccount: s.beneficiaryAccount })
        .from(s)
        .innerJoin(p, eq(p.code, s.procedureCode))
        .where(and(eq(s.tenantId, tenantId), eq(p.id, row.procedureId))),
    ]);
    return { row, fee, setting };
  });
  if (!fee) throw noFeePending();
  const beneficiary = parseBeneficiaryAccount(setting?.beneficiaryAccount);
  if (!beneficiary)
    throw conflict({
      vi: 'Tỉnh chưa khai báo tài khoản thụ hưởng để nộp phí bằng mã VietQR; vui lòng nộp phí tại bộ phận một cửa.',
      en: 'The province has not set a beneficiary account for VietQR payment; please pay at the one-stop counter.',
    });
  const { amountVnd, description } = fee;
  const payload = vietQrPayload({ beneficiary, amountVnd, reference: row.code });
  return { amountVnd, description, reference: transferReference(row.code), payload, beneficiary };
}
