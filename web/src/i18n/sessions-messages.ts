/** The signed-in user's own sessions (devices) page. */
export const sessionsVi = {
  mySessions: 'Phiên đăng nhập',
  sessionsIntro:
    'Các thiết bị đang đăng nhập bằng tài khoản của bạn. Nếu thấy thiết bị lạ hoặc bạn làm mất điện thoại, hãy đăng xuất thiết bị đó và đổi mật khẩu.',
  sessionDevice: 'Thiết bị',
  sessionAddress: 'Địa chỉ IP',
  sessionOpened: 'Đăng nhập lúc',
  sessionLastSeen: 'Dùng gần nhất',
  thisDevice: 'Thiết bị này',
  endSession: 'Đăng xuất thiết bị này',
  endingSession: 'Đang đăng xuất…',
  unknownDevice: 'Không rõ thiết bị',
} as const;

export const sessionsEn: Record<keyof typeof sessionsVi, string> = {
  mySessions: 'Sessions',
  sessionsIntro: 'Devices signed in to your account. If you see one you do not know, or you lost your phone, sign that device out and change your password.',
  sessionDevice: 'Device',
  sessionAddress: 'IP address',
  sessionOpened: 'Signed in at',
  sessionLastSeen: 'Last used',
  thisDevice: 'This device',
  endSession: 'Sign this device out',
  endingSession: 'Signing out…',
  unknownDevice: 'Unknown device',
};
