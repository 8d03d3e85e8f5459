import * as v from 'valibot';

// A unit's public contact details (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit):
// what the portal and the status lookup show a citizen about where to go. Each may be cleared with
// null; a blank string is refused rather than stored, so "none" has one spelling.

/** The unit fields that hold its contact details, also the CASL fields an update checks. */
export const UNIT_CONTACT_FIELDS = ['publicAddress', 'hotline', 'publicEmail', 'openingHours', 'mapUrl'] as const;

const text = (max: number, what: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} không được để trống (gửi null để xoá)`), v.maxLength(max, `${what} dài tối đa ${max} ký tự`));

/**
 * A Vietnamese hotline as people write it: a landline or mobile from 0 (or +84), or a 1800/1900
 * number; spaces, dots, hyphens and brackets are kept as written and ignored when checking.
 */
const hotlineDigits = /^(?:0\d{8,10}|\+84\d{8,10}|1[89]00\d{4,6})$/;
const Hotline = v.pipe(
  text(30, 'Đường dây nóng'),
  v.regex(/^\+?[\d .()-]+$/, 'Đường dây nóng chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc và dấu + ở đầu'),
  v.check(
    (s) => hotlineDigits.test(s.replace(/[ .()-]/g, '')),
    'Đường dây nóng không đúng dạng số điện thoại Việt Nam (ví dụ 0243 825 1234, +84 24 3825 1234, 1900 1234)',
  ),
);

export const UnitContact = v.object({
  publicAddress: v.optional(v.nullable(text(300, 'Địa chỉ'))),
  hotline: v.optional(v.nullable(Hotline)),
  publicEmail: v.optional(v.nullable(v.pipe(text(254, 'Thư điện tử'), v.email('Thư điện tử không hợp lệ (ví dụ motcua@hanoi.gov.vn)')))),
  openingHours: v.optional(v.nullable(text(300, 'Giờ làm việc'))),
  mapUrl: v.optional(
    v.nullable(
      v.pipe(
        text(500, 'Liên kết bản đồ'),
        v.url('Liên kết bản đồ phải là một địa chỉ web đầy đủ'),
        v.startsWith('https://', 'Liên kết bản đồ phải bắt đầu bằng https://'),
      ),
    ),
  ),
});
export type UnitContact = v.InferOutput<typeof UnitContact>;
