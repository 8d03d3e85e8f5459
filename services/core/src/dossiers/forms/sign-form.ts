import { signPdf, type IssuingProvince, type SigningKeys } from '@gov/documents';

/**
 * A rendered form signed (PAdES) with the certificate of the province that issues it, the
 * signature saying in Vietnamese what it is for, where, and when (docs/domain/one-stop-forms.md).
 */
export async function signForm(keys: SigningKeys, pdf: Uint8Array, province: IssuingProvince, what: string): Promise<Uint8Array> {
  return signPdf(pdf, await keys.keyFor(province), {
    name: `UBND ${province.fullName}`,
    reason: `Ký số ${what}, do Hệ thống một cửa điện tử cấp`,
    location: `${province.fullName}, Việt Nam`,
    signingTime: new Date(),
  });
}
