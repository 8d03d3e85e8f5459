/** Paying a dossier's fee by VietQR bank transfer, Vietnamese first. */
export const paymentVi = {
  paymentHeading: 'Nộp phí, lệ phí',
  paymentAmount: 'Số tiền',
  paymentFor: 'Nội dung',
  paymentReference: 'Nội dung chuyển khoản',
  paymentAccount: 'Tài khoản thụ hưởng',
  paymentBank: 'Mã ngân hàng (BIN)',
  paymentQrLabel: 'Mã VietQR để chuyển khoản nộp phí',
  paymentInstruction:
    'Quét mã bằng ứng dụng ngân hàng hoặc ví điện tử hỗ trợ VietQR: số tiền và nội dung chuyển khoản đã được điền sẵn, bạn chỉ cần xác nhận. Giữ nguyên nội dung chuyển khoản (mã hồ sơ) để cơ quan đối chiếu.',
  paymentAfter: 'Sau khi cơ quan ghi nhận khoản nộp, hồ sơ tiếp tục được xử lý.',
};

export const paymentEn: Record<keyof typeof paymentVi, string> = {
  paymentHeading: 'Fees and charges',
  paymentAmount: 'Amount',
  paymentFor: 'For',
  paymentReference: 'Transfer reference',
  paymentAccount: 'Beneficiary account',
  paymentBank: 'Bank code (BIN)',
  paymentQrLabel: 'VietQR code to pay the fee by bank transfer',
  paymentInstruction:
    'Scan the code with a banking or e-wallet app that supports VietQR: the amount and the reference are filled in, you only confirm. Keep the reference (the dossier code) so the office can match the payment.',
  paymentAfter: 'Once the office records the payment, the dossier goes on.',
};
