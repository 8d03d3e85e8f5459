/**
 * Demo accounts for a local `npm start` (never for production: the passwords are printed).
 * All live in Hà Nội (province code 01), around one ward one-stop unit and one department.
 */
import { VNEID_DEMO_IDENTITIES } from '@gov/stand-ins';

export const DEMO_PASSWORD = 'Demo@2026';

/** The CCCD number the VNeID stand-in knows for this person, so "Đăng nhập bằng VNeID" lands in their account. */
function vneid(name: string): string {
  const identity = VNEID_DEMO_IDENTITIES.find((i) => i.name === name);
  if (!identity) throw new Error(`the VNeID stand-in has no demo identity named ${name}`);
  return identity.citizenId;
}
export const DEMO_PROVINCE_CODE = '01';

export const DEMO_ACCOUNTS = [
  { login: 'bo.quantri', kind: 'ministry_admin', name: 'Nguyễn Minh Quân', label: 'Quản trị Bộ (ministry admin)' },
  { login: 'bo.giamsat', kind: 'ministry_oversight', name: 'Trần Thu Hà', label: 'Giám sát Bộ (ministry oversight)' },
  { login: 'hn.quantri', kind: 'province_admin', name: 'Lê Văn Hùng', label: 'Quản trị tỉnh Hà Nội (province admin)', citizenId: vneid('Lê Văn Hùng') },
  {
    login: 'badinh.tiepnhan',
    kind: 'reception_officer',
    name: 'Phạm Thị Lan',
    label: 'Tiếp nhận, Phường Ba Đình (reception)',
    citizenId: vneid('Phạm Thị Lan'),
  },
  {
    login: 'badinh.chuyenvien',
    kind: 'specialist',
    name: 'Hoàng Văn Nam',
    label: 'Chuyên viên, Phường Ba Đình (specialist)',
    citizenId: vneid('Hoàng Văn Nam'),
  },
  { login: 'badinh.lanhdao', kind: 'leader', name: 'Vũ Thị Mai', label: 'Lãnh đạo, Phường Ba Đình (leader)' },
  { login: 'badinh.trakq', kind: 'result_clerk', name: 'Đặng Quốc Bảo', label: 'Trả kết quả, Phường Ba Đình (result clerk)' },
  { login: 'snv.chuyenvien', kind: 'specialist', name: 'Bùi Thị Hạnh', label: 'Chuyên viên, Sở Nội vụ (department specialist)', unit: 'HN-SNV' },
  { login: 'snv.lanhdao', kind: 'leader', name: 'Ngô Đức Thắng', label: 'Lãnh đạo, Sở Nội vụ (department leader)', unit: 'HN-SNV' },
  { login: 'congdan.an', kind: 'citizen', name: 'Nguyễn Văn An', label: 'Công dân (citizen)', citizenId: vneid('Nguyễn Văn An') },
] as const;

/**
 * Procedures the demo province runs, each from the ministry's default process: one handled in
 * the ward alone, one handed over to the department of home affairs and back (liên thông).
 */
export const DEMO_PROCEDURES = [
  { code: '2.000346', label: 'Tặng Giấy khen của Chủ tịch UBND cấp xã (ward only)' },
  { code: '1.003057', label: 'Trợ cấp một lần đối với thân nhân người có công (ward → Sở Nội vụ → ward)' },
] as const;
