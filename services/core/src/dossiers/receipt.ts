import { vietnamLocalDateTime } from '@gov/calendar';
import type { DossierChannel } from '@gov/domain';

export const CHANNEL_VI: Record<DossierChannel, string> = {
  online: 'Trực tuyến',
  in_person: 'Trực tiếp tại Bộ phận một cửa',
  postal: 'Qua dịch vụ bưu chính',
  proxy: 'Qua người được ủy quyền',
};

/** `2026-02-27 17:00` in Vietnam time: how dates are printed on official forms. */
export const vietnamWallClock = (at: Date) => vietnamLocalDateTime(at).slice(0, 16).replace('T', ' ');

export interface ReceiptFile {
  componentCode: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Form 01 (Circular 01/2018/TT-VPCP): receipt and appointment for the result (giấy tiếp nhận hồ
 * sơ và hẹn trả kết quả), as data for the web app or a PDF renderer. No receipt without a
 * return date (docs/domain/dossier-lifecycle.md). The lookup token is what the printed QR code encodes.
 */
export function buildReceipt(a: {
  code: string;
  procedureName: string;
  receivingUnitName: string;
  applicantName: string;
  channel: DossierChannel;
  components: { code: string; name: string }[];
  files: ReceiptFile[];
  receivedAt: Date;
  promisedReturnAt: Date;
  statusToken: string;
}) {
  const known = new Set(a.components.map((c) => c.code));
  const components = [
    ...a.components.map((c) => ({ code: c.code, name: c.name, files: a.files.filter((f) => f.componentCode === c.code) })),
    ...[...new Set(a.files.map((f) => f.componentCode).filter((code) => !known.has(code)))].map((code) => ({
      code,
      name: code,
      files: a.files.filter((f) => f.componentCode === code),
    })),
  ];
  return {
    form: '01' as const,
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    code: a.code,
    procedureName: a.procedureName,
    receivingUnitName: a.receivingUnitName,
    applicantName: a.applicantName,
    channel: a.channel,
    channelText: CHANNEL_VI[a.channel],
    components,
    receivedAt: a.receivedAt.toISOString(),
    promisedReturnAt: a.promisedReturnAt.toISOString(),
    text: `Hồ sơ ${a.code} tiếp nhận lúc ${vietnamWallClock(a.receivedAt)}; hẹn trả kết quả ${vietnamWallClock(a.promisedReturnAt)}.`,
    statusLookup: { token: a.statusToken, path: `/api/public/dossier-status/${a.statusToken}` },
  };
}
export type Receipt = ReturnType<typeof buildReceipt>;
