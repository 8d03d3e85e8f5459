import { withTenant } from '@gov/db';
import { loadFontFiles, type SigningKeys, renderApology, renderControlSheet, renderReceipt, renderRefusal, renderSupplementRequest } from '@gov/documents';
import * as v from 'valibot';
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../parse-input.js';
import { assertMayRead } from '../get-dossier.js';
import { statusToken } from '../status-token.js';
import { apologyForm, controlSheetForm, receiptForm, refusalForm, supplementRequestForm } from './form-models.js';
import { loadFormData } from './load-form-data.js';
import { signForm } from './sign-form.js';

/** Forms 01–05 are per dossier; 06 (the register) is per unit: see get-dossier-register.ts. */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05'] as const;
export type DossierFormNumber = (typeof DOSSIER_FORMS)[number];

export const DossierFormRef = v.object({
  dossierId: v.pipe(v.string(), v.uuid()),
  form: v.picklist(DOSSIER_FORMS, 'mẫu phải là 01, 02, 03, 04 hoặc 05'),
});

/** The forms' titles, for file names a person recognises. */
export const FORM_TITLES: Record<DossierFormNumber | '06', string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  '06': 'Sổ theo dõi hồ sơ',
};

/** What rendering needs: the public address the QR code opens, where the fonts are, and the provinces' signing keys. */
export interface FormDeps {
  statusTokenSecret: string;
  publicUrl: string;
  fontDir: string;
  signing: SigningKeys;
}

/**
 * One of Forms 01–05 of a dossier as a PDF, to whoever may read the dossier (its applicant, or
 * an officer whose units cover it: the same check as reading it). A form the dossier has no
 * occasion for (no refusal, no apology …) is a 404 naming it. Data first, then rendering
 * (docs/domain/one-stop-forms.md); rendering and signing (with the province's certificate) run
 * after the transaction has ended.
 */
export async function getDossierForm({
  ctx,
  tenantId,
  input,
  deps,
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierFormRef>;
  deps: FormDeps;
}) {
  assertMayRead(ctx, tenantId);
  const { dossierId, form } = parseInput(DossierFormRef, input);
  const now = new Date();
  const lookupUrl = `${deps.publicUrl.replace(/\/+$/, '')}/status/${statusToken(deps.statusTokenSecret, tenantId, dossierId)}`;
  const model = await withTenant(ctx.sql, tenantId, async (tx) => {
    const d = await loadFormData(tx, ctx, tenantId, dossierId);
    switch (form) {
      case '01':
        return { form, code: d.row.code, province: d.province, data: receiptForm(d, lookupUrl) };
      case '02':
        return { form, code: d.row.code, province: d.province, data: supplementRequestForm(d) };
      case '03':
        return { form, code: d.row.code, province: d.province, data: refusalForm(d) };
      case '04':
        return { form, code: d.row.code, province: d.province, data: apologyForm(d) };
      case '05':
        return { form, code: d.row.code, province: d.province, data: controlSheetForm(d, now) };
    }
  });
  const fonts = await loadFontFiles(deps.fontDir);
  const pdf = await (model.form === '01'
    ? renderReceipt(fonts, model.data)
    : model.form === '02'
      ? renderSupplementRequest(fonts, model.data)
      : model.form === '03'
        ? renderRefusal(fonts, model.data)
        : model.form === '04'
          ? renderApology(fonts, model.data)
          : renderControlSheet(fonts, model.data));
  return {
    pdf: await signForm(deps.signing, pdf, model.province, `Mẫu ${form} - ${FORM_TITLES[form]}`),
    fileName: `Mẫu ${form} - ${FORM_TITLES[form]} - ${model.code}.pdf`,
  };
}
