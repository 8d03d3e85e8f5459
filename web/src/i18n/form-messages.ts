/** The printed one-stop forms (Circular 01/2018), offered as PDF downloads; Vietnamese first. */
export const formVi = {
  formsHeading: 'Biểu mẫu in (PDF)',
  form01: 'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  form02: 'Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  form03: 'Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  form04: 'Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  form05: 'Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ',
  form06: 'Mẫu 06 — Sổ theo dõi hồ sơ',
  formRegisterUnit: 'Đơn vị tiếp nhận',
  formRegisterFrom: 'Từ ngày',
  formRegisterTo: 'Đến ngày',
  formRegisterDownload: 'Tải sổ theo dõi (PDF)',
} as const;

export const formEn: Record<keyof typeof formVi, string> = {
  formsHeading: 'Printable forms (PDF)',
  form01: 'Form 01 — Receipt and appointment for the result',
  form02: 'Form 02 — Request to supplement the dossier',
  form03: 'Form 03 — Refusal to receive the dossier',
  form04: 'Form 04 — Apology and new return date',
  form05: 'Form 05 — Processing control sheet',
  form06: 'Form 06 — Dossier register',
  formRegisterUnit: 'Receiving unit',
  formRegisterFrom: 'From',
  formRegisterTo: 'To',
  formRegisterDownload: 'Download the register (PDF)',
};
