/** The second factor (xác thực hai lớp) of administrators: enrolment, the code step, recovery codes. */
export const secondFactorVi = {
  secondFactorHeading: 'Xác thực hai lớp',
  secondFactorEnrolIntro:
    'Tài khoản quản trị phải xác thực hai lớp. Cài một ứng dụng xác thực (ví dụ Google Authenticator, Microsoft Authenticator) trên điện thoại, quét mã QR dưới đây hoặc nhập khóa bí mật, rồi nhập mã 6 chữ số ứng dụng hiển thị.',
  secondFactorQrLabel: 'Mã QR để thêm tài khoản vào ứng dụng xác thực',
  secondFactorSecretLabel: 'Khóa bí mật (nếu không quét được mã QR)',
  secondFactorCode: 'Mã xác thực',
  secondFactorEnrolCodeHint: 'Mã 6 chữ số đang hiển thị trong ứng dụng xác thực.',
  secondFactorConfirm: 'Xác nhận',
  secondFactorConfirming: 'Đang xác nhận…',
  secondFactorVerifyIntro: 'Nhập mã 6 chữ số đang hiển thị trong ứng dụng xác thực. Nếu không có điện thoại bên mình, hãy nhập một mã khôi phục.',
  secondFactorVerifyCodeHint: 'Mã 6 chữ số, hoặc mã khôi phục dạng xxxx-xxxx-xxxx-xxxx.',
  secondFactorVerify: 'Tiếp tục',
  secondFactorVerifying: 'Đang kiểm tra…',
  secondFactorRecoveryHeading: 'Mã khôi phục',
  secondFactorRecoveryIntro:
    'Lưu 10 mã khôi phục này ở nơi an toàn (in ra hoặc ghi lại). Mỗi mã dùng được một lần khi bạn không có điện thoại. Các mã chỉ hiển thị lần này.',
  secondFactorSaved: 'Tôi đã lưu',
  secondFactorLostPhone: 'Mất điện thoại và hết mã khôi phục? Hãy nhờ quản trị cấp trên đặt lại xác thực hai lớp cho bạn.',
  secondFactorLoading: 'Đang tạo khóa bí mật…',
} as const;

export const secondFactorEn: Record<keyof typeof secondFactorVi, string> = {
  secondFactorHeading: 'Two-step verification',
  secondFactorEnrolIntro:
    'Administrator accounts must use two-step verification. Install an authenticator app (e.g. Google Authenticator, Microsoft Authenticator) on your phone, scan the QR code below or type the secret key, then enter the 6-digit code the app shows.',
  secondFactorQrLabel: 'QR code to add the account to your authenticator app',
  secondFactorSecretLabel: 'Secret key (if you cannot scan the QR code)',
  secondFactorCode: 'Verification code',
  secondFactorEnrolCodeHint: 'The 6-digit code your authenticator app shows now.',
  secondFactorConfirm: 'Confirm',
  secondFactorConfirming: 'Confirming…',
  secondFactorVerifyIntro: 'Enter the 6-digit code your authenticator app shows. Without your phone, enter one of your recovery codes.',
  secondFactorVerifyCodeHint: 'The 6-digit code, or a recovery code like xxxx-xxxx-xxxx-xxxx.',
  secondFactorVerify: 'Continue',
  secondFactorVerifying: 'Checking…',
  secondFactorRecoveryHeading: 'Recovery codes',
  secondFactorRecoveryIntro:
    'Keep these 10 recovery codes somewhere safe (print or write them down). Each works once, when you do not have your phone. They are shown only now.',
  secondFactorSaved: 'I have saved them',
  secondFactorLostPhone: 'Lost your phone and your recovery codes? Ask the administrator above you to reset your two-step verification.',
  secondFactorLoading: 'Creating the secret key…',
};
