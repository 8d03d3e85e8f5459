import * as v from 'valibot';

/** Căn cước công dân: 12 digits; the first three are a province code (001–096). */
export const CitizenId = v.pipe(v.string(), v.trim(), v.regex(/^0\d{2}[0-9]\d{8}$/, 'Số CCCD gồm đúng 12 chữ số, bắt đầu bằng mã tỉnh (0xx)'));

/** Vietnamese mobile numbers: 0 or +84, then a 3/5/7/8/9 network prefix and 8 digits. */
export const MobilePhone = v.pipe(
  v.string(),
  v.trim(),
  v.transform((s) => s.replace(/[\s.-]/g, '')),
  v.regex(/^(?:\+84|84|0)(3|5|7|8|9)\d{8}$/, 'Số điện thoại di động không đúng định dạng Việt Nam'),
  v.transform((s) => s.replace(/^(?:\+84|84)/, '0')),
);

export const OfficialEmail = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('Email không hợp lệ'), v.maxLength(200));

/** The registration data of the province admins' annex (docs/domain/roles.md), for province admins and every officer. */
export const OfficerProfile = v.object({
  fullName: v.pipe(v.string(), v.trim(), v.minLength(2, 'Nhập họ và tên'), v.maxLength(120)),
  citizenId: CitizenId,
  position: v.pipe(v.string(), v.trim(), v.minLength(2, 'Nhập chức vụ'), v.maxLength(120)),
  phone: MobilePhone,
  email: OfficialEmail,
});

export const Password = v.pipe(
  v.string(),
  v.minLength(10, 'Mật khẩu tối thiểu 10 ký tự'),
  v.maxLength(200),
  v.check((s) => /[A-Za-z]/.test(s) && /\d/.test(s), 'Mật khẩu cần có cả chữ và số'),
);

/** "0011*****345": enough to tell two people apart, not enough to misuse. */
export const maskCitizenId = (id: string | null) => (id ? `${id.slice(0, 4)}*****${id.slice(-3)}` : null);
export const maskPhone = (phone: string | null) => (phone ? `${phone.slice(0, 3)}****${phone.slice(-3)}` : null);
