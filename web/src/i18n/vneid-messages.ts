/** "Đăng nhập bằng VNeID" on the sign-in page, and how an attempt ended. */
export const vneidVi = {
  vneidOr: 'hoặc',
  vneidCitizen: 'Đăng nhập bằng VNeID',
  vneidOfficer: 'Cán bộ, công chức: đăng nhập bằng VNeID',
  vneidHint:
    'Tài khoản định danh điện tử VNeID. Công dân đăng nhập lần đầu được tạo tài khoản công dân; cán bộ chỉ đăng nhập được vào tài khoản cán bộ đã đăng ký số định danh.',
  vneidSigningIn: 'Đang hoàn tất đăng nhập bằng VNeID…',
  vneidFailedHeading: 'Không đăng nhập được bằng VNeID',
  vneidDenied: 'Bạn đã từ chối chia sẻ thông tin định danh trên VNeID. Bạn chưa được đăng nhập.',
  vneidState: 'Phiên đăng nhập bằng VNeID không hợp lệ hoặc đã hết hạn (quá 10 phút, hoặc mở từ một trình duyệt khác). Bạn chưa được đăng nhập; hãy thử lại.',
  vneidProvider: 'Hiện không kết nối được với VNeID. Bạn chưa được đăng nhập; hãy thử lại sau hoặc đăng nhập bằng mật khẩu.',
  vneidInvalid: 'Thông tin định danh nhận từ VNeID không hợp lệ nên không được chấp nhận. Bạn chưa được đăng nhập; hãy thử lại.',
  vneidNoOfficer: 'Không có tài khoản cán bộ nào đăng ký số định danh này. Không có tài khoản nào được tạo; hãy liên hệ quản trị viên tỉnh, thành phố.',
  vneidAmbiguousOfficer: 'Số định danh này được đăng ký cho nhiều tài khoản cán bộ. Hãy liên hệ quản trị viên tỉnh, thành phố để sửa hồ sơ cán bộ.',
  vneidDisabled: 'Tài khoản gắn với số định danh này đã bị vô hiệu hóa. Liên hệ quản trị viên tỉnh, thành phố.',
  vneidUnavailable: 'Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này.',
  signInPolicyHeading: 'Cách cán bộ đăng nhập',
  signInPolicyVneidOnly: 'Cán bộ, công chức của tỉnh phải đăng nhập bằng VNeID',
  signInPolicyHint:
    'Khi bật, cán bộ của tỉnh không đăng nhập được bằng mật khẩu; họ dùng nút "Cán bộ, công chức: đăng nhập bằng VNeID" với số định danh đã ghi trong hồ sơ cán bộ.',
  signInPolicySaved: 'Đã lưu cách đăng nhập của cán bộ.',
} as const;

export const vneidEn: Record<keyof typeof vneidVi, string> = {
  vneidOr: 'or',
  vneidCitizen: 'Sign in with VNeID',
  vneidOfficer: 'Officers: sign in with VNeID',
  vneidHint:
    'Your VNeID electronic identity. A citizen’s first sign-in creates their citizen account; officers can only sign into an officer account that registered their ID number.',
  vneidSigningIn: 'Finishing the VNeID sign-in…',
  vneidFailedHeading: 'VNeID sign-in did not succeed',
  vneidDenied: 'You declined to share your identity at VNeID. You are not signed in.',
  vneidState: 'The VNeID sign-in was not valid or has expired (over 10 minutes, or opened in another browser). You are not signed in; try again.',
  vneidProvider: 'VNeID cannot be reached right now. You are not signed in; try again later or sign in with your password.',
  vneidInvalid: 'The identity VNeID returned was not valid, so it was not accepted. You are not signed in; try again.',
  vneidNoOfficer: 'No officer account has registered this ID number. No account was created; contact your province admin.',
  vneidAmbiguousOfficer: 'This ID number is registered on several officer accounts. Contact your province admin to correct the officer records.',
  vneidDisabled: 'The account linked to this ID number is disabled. Contact your province admin.',
  vneidUnavailable: 'VNeID sign-in is not configured on this system.',
  signInPolicyHeading: 'How officers sign in',
  signInPolicyVneidOnly: 'The province’s officers must sign in with VNeID',
  signInPolicyHint:
    'When on, the province’s officers cannot sign in with a password; they use "Officers: sign in with VNeID" with the ID number recorded in their officer profile.',
  signInPolicySaved: 'Officer sign-in setting saved.',
};
